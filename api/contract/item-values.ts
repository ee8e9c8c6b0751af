import { z } from 'zod';

/** An instant as PostgreSQL writes a `timestamptz` into JSON: RFC 3339 with an offset. */
export const InstantSchema = z.iso.datetime({ offset: true });
