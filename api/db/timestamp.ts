import { customType } from 'drizzle-orm/pg-core';

/**
 * A `timestamptz` column read as an ISO 8601 string in UTC (`2026-11-22T04:00:00.000Z`), so
 * every timestamp the API answers with has one format whatever the server's `DateStyle` is.
 * Writes take any string PostgreSQL understands (callers pass `Date#toISOString()`).
 */
export const timestamptz = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (value) => new Date(value).toISOString(),
});
