/**
 * "The same SQL" the app runs, as literal statements for pgbench: the bench calls the app's own
 * builders (tile rendering, items paging) against a recording client and inlines the parameters,
 * so the references follow every change to the app's SQL. This is the one file to adapt when a
 * builder's signature changes.
 */
import { createRequire } from 'node:module';
import pg from 'pg';
import { findCollection, type Collection } from '../../../api/db/collections';
import { queryFeatures } from '../../../api/db/features';
import { renderTile, tileEncoderFor } from '../../../api/db/tiles';
import { BASEMAP_TILE_LAYERS } from '../../../api/db/tiles-basemap';
import { collectionTileLayer, type TileLayerSpec } from '../../../api/db/tiles-layers';
import type { Capabilities } from '../../../api/db/database';
import { parseItemsQuery } from '../../../api/ogc/items-params';

// pg's utils module has no type declarations; prepareValue turns a JS value into pg's text form.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): string | null;
};

/** A statement with its parameters written in as literals (as node-postgres would send them). */
function inline(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = prepareValue(values[Number(index) - 1]);
    return value === null ? 'NULL' : pg.escapeLiteral(value);
  });
}

/** Runs `work` against a client that records each statement and answers with one empty row. */
async function recordStatements(work: (client: pg.PoolClient) => Promise<unknown>) {
  const statements: string[] = [];
  const client = {
    query: async (text: string, values: unknown[] = []) => {
      statements.push(inline(text, values));
      return { rows: [{}], rowCount: 0 };
    },
  } as unknown as pg.PoolClient;
  await work(client);
  return statements;
}

/** The tile layers behind a tile path's first segment: `basemap`, a collection or `a,b`. */
export function tileLayersOf(set: string): TileLayerSpec[] {
  if (set === 'basemap') return [...BASEMAP_TILE_LAYERS];
  return set.split(',').map((id) => {
    const collection = findCollection(id);
    if (!collection) throw new Error(`no collection ${id}`);
    return collectionTileLayer(collection);
  });
}

/** The statements the app runs for tile `set/z/x/y` on a PostgreSQL server (ST_AsMVT). */
export async function tileStatements(set: string, z: number, x: number, y: number) {
  const encoder = tileEncoderFor({ mvt: true, postgisVersion: '3' } satisfies Capabilities);
  return recordStatements((client) => renderTile(client, tileLayersOf(set), { z, x, y }, encoder));
}

/** The statements the app runs for an items request of `collectionId` with `query`. */
export async function itemsStatements(collectionId: string, query: Record<string, string>) {
  const collection = findCollection(collectionId) as Collection;
  const parsed = parseItemsQuery(collection, query);
  return recordStatements((client) => queryFeatures(client, collection, parsed));
}
