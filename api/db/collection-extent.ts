import type pg from 'pg';
import type { Collection } from './collections';

/** The data's extent in the caller's scope: a CRS84 box and, for timed collections, an interval. */
export interface CollectionExtent {
  bbox: [number, number, number, number] | null;
  interval: [string | null, string | null] | null;
}

type Queryer = Pick<pg.PoolClient, 'query'>;

/** Reads a collection's current spatial (and temporal) extent. */
export async function collectionExtent(
  client: Queryer,
  collection: Collection,
): Promise<CollectionExtent> {
  const time = collection.temporalColumn
    ? `, min(t.${collection.temporalColumn}) AS t0, max(t.${collection.temporalColumn}) AS t1`
    : '';
  const result = await client.query(
    `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 ${time ? ', t0, t1' : ''}
     FROM (SELECT ST_Extent(t.geom) AS e ${time} FROM ${collection.table} t) extent`,
  );
  const row = result.rows[0] ?? {};
  const bbox = row.x0 === null || row.x0 === undefined ? null : [row.x0, row.y0, row.x1, row.y1];
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
  return {
    bbox: bbox as CollectionExtent['bbox'],
    interval: collection.temporalColumn ? [iso(row.t0), iso(row.t1)] : null,
  };
}
