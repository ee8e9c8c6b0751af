import type { IncidentCategory, IncidentStatus } from '../contract/codes';
import type { ScopedClient } from './scoped';

/**
 * Incidents read for the Open311 façade (api/open311): the columns GeoReport v2 shows, the name
 * of the responsible grid, the incident a duplicate was merged into, the note of the event that
 * set the current status and the time of the last change. Runs under the caller's scope.
 */

export interface Open311Row {
  code: string;
  status: IncidentStatus;
  category: IncidentCategory;
  description: string;
  address: string;
  lng: number;
  lat: number;
  reportedAt: Date;
  /** Last change: when it closed for closed ones, else its latest event. */
  updatedAt: Date;
  acceptDeadline: Date;
  resolveDeadline: Date;
  /** The grid answering for it (its name), if visible. */
  gridName: string | null;
  /** The incident it was merged into, if merged (and visible). */
  mergedInto: string | null;
  /** The note of the event that set the current status, if any. */
  statusNote: string | null;
  photoUrls: string[];
}

/** Which incidents: by code, or by time window and optional categories and statuses. */
export type Open311Filter =
  | { kind: 'ids'; codes: readonly string[] }
  | {
      kind: 'search';
      start: Date;
      end: Date;
      categories: readonly IncidentCategory[] | null;
      statuses: readonly IncidentStatus[] | null;
    };

const SELECT = `
  SELECT i.code, i.status, i.category, i.description, i.address,
         ST_X(i.geom) AS lng, ST_Y(i.geom) AS lat, i.reported_at, i.accept_deadline,
         i.resolve_deadline, i.photo_urls, g.name AS grid_name, d.code AS merged_into,
         CASE WHEN NOT incident_is_open(i.status) AND i.closed_at IS NOT NULL
              THEN i.closed_at
              ELSE greatest(i.reported_at, i.updated_at, last.at) END AS updated_at,
         (SELECT e.note FROM incident_events e
           WHERE e.incident_id = i.id AND e.to_status = i.status
           ORDER BY e.seq DESC LIMIT 1) AS status_note
    FROM incidents i
    LEFT JOIN grids g ON g.code = i.grid_code
    LEFT JOIN incidents d ON d.id = i.duplicate_of
    LEFT JOIN LATERAL (SELECT e.at FROM incident_events e WHERE e.incident_id = i.id
                        ORDER BY e.seq DESC LIMIT 1) last ON true`;

interface Row {
  code: string;
  status: IncidentStatus;
  category: IncidentCategory;
  description: string;
  address: string;
  lng: number;
  lat: number;
  reported_at: Date;
  accept_deadline: Date;
  resolve_deadline: Date;
  photo_urls: string[];
  grid_name: string | null;
  merged_into: string | null;
  updated_at: Date;
  status_note: string | null;
}

function toRow(r: Row): Open311Row {
  return {
    code: r.code,
    status: r.status,
    category: r.category,
    description: r.description,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    reportedAt: r.reported_at,
    updatedAt: r.updated_at,
    acceptDeadline: r.accept_deadline,
    resolveDeadline: r.resolve_deadline,
    gridName: r.grid_name,
    mergedInto: r.merged_into,
    statusNote: r.status_note,
    photoUrls: r.photo_urls,
  };
}

/** Incidents matching the filter, newest first, at most `limit`. */
export async function listOpen311Requests(
  client: ScopedClient,
  filter: Open311Filter,
  limit: number,
): Promise<Open311Row[]> {
  const result =
    filter.kind === 'ids'
      ? await client.query<Row>(
          `${SELECT} WHERE i.code = ANY($1::text[]) ORDER BY i.reported_at DESC, i.id DESC LIMIT $2`,
          [filter.codes, limit],
        )
      : await client.query<Row>(
          `${SELECT}
            WHERE i.reported_at >= $1 AND i.reported_at <= $2
              AND ($3::text[] IS NULL OR i.category = ANY($3::text[]))
              AND ($4::text[] IS NULL OR i.status = ANY($4::text[]))
            ORDER BY i.reported_at DESC, i.id DESC
            LIMIT $5`,
          [
            filter.start.toISOString(),
            filter.end.toISOString(),
            filter.categories,
            filter.statuses,
            limit,
          ],
        );
  return result.rows.map(toRow);
}
