import { COLLECTION_IDS, findCollection, type Collection } from '../db/collections';
import { BASEMAP_TILE_LAYERS } from '../db/tiles-basemap';
import { collectionTileLayer } from '../db/tiles-layers';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { roleAllows } from '../domain/permissions';
import type { Principal } from '../domain/principal';
import type { TileSetInfo } from './tilejson';

/** The basemap's id under /tiles; it is served on its own, never inside a composite. */
export const BASEMAP_ID = 'basemap';

/** The basemap: water, roads, buildings, boundaries and labels in one tile set. */
export const BASEMAP: TileSetInfo = {
  id: BASEMAP_ID,
  name: '底图 Basemap',
  description:
    '离线底图：水系、道路、建筑、行政区划及其标注。Offline basemap: water, roads, buildings, admin areas and their labels.',
  layers: BASEMAP_TILE_LAYERS,
  boundsTables: ['water_areas', 'roads'],
  live: false,
};

/** Separates the collections of a composite tile set: `/tiles/grids,cameras/{z}/{x}/{y}.mvt`. */
const SEPARATOR = ',';

const KNOWN = `Tile sets: ${BASEMAP_ID}, ${COLLECTION_IDS.join(', ')}; or several collections joined by "${SEPARATOR}" (e.g. grids${SEPARATOR}cameras).`;

/** The collection `id`, after checking the caller may read it. */
function readableCollection(id: string, principal: Principal): Collection {
  const collection = findCollection(id);
  if (!collection) throw new NotFoundError(`No tile set named "${id}". ${KNOWN}`);
  const extra = collection.extraPermission;
  if (extra && !roleAllows(principal.role, extra)) {
    throw new ForbiddenError(
      `The role ${principal.role} may not read ${collection.id} tiles (needs ${extra}).`,
    );
  }
  return collection;
}

/** The names of a composite, refusing empty and repeated ones and the basemap (400). */
function compositeNames(name: string): string[] {
  const names = name.split(SEPARATOR);
  const refuse = (why: string): never => {
    const message = `Invalid tile set "${name}": ${why}. ${KNOWN}`;
    throw new ValidationError(message, [{ path: 'tileset', message }]);
  };
  if (names.includes('')) refuse('a name is empty');
  if (names.includes(BASEMAP_ID)) {
    refuse(`${BASEMAP_ID} is served on its own (its layer names overlap the collections')`);
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) refuse(`"${repeated}" is named twice`);
  return names;
}

/**
 * The tile set a path names, for this caller: the basemap, one collection, or a composite of
 * several collections (one MVT layer each, in the order named, as Martin's composite sources
 * do). Unknown names are 404, repeated ones 400, a collection the role may not read 403.
 */
export function resolveTileSet(name: string, principal: Principal): TileSetInfo {
  if (name === BASEMAP_ID) return BASEMAP;
  const collections = compositeNames(name).map((id) => readableCollection(id, principal));
  return {
    id: collections.map((c) => c.id).join(SEPARATOR),
    name: collections.map((c) => c.title).join(' + '),
    description: collections.map((c) => c.description).join(' '),
    layers: collections.map(collectionTileLayer),
    boundsTables: collections.map((c) => c.table),
    live: collections.some((c) => c.live),
  };
}
