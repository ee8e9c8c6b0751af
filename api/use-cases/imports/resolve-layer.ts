import type { ImportCollection } from '../../contract/imports';
import type { PreparedRow } from './prepare-rows';
import { resolveAdminArea, resolveMember } from './resolve-areas';
import type { Resolved, ResolveContext } from './resolve-context';
import {
  resolveBuilding,
  resolveGrid,
  resolvePoint,
  resolveRoad,
  resolveWater,
} from './resolve-places';

const RESOLVERS: Readonly<
  Record<ImportCollection, (row: PreparedRow, ctx: ResolveContext) => Resolved>
> = {
  'admin-areas': resolveAdminArea,
  grids: resolveGrid,
  members: resolveMember,
  cameras: resolvePoint,
  'service-points': resolvePoint,
  buildings: resolveBuilding,
  roads: resolveRoad,
  water: resolveWater,
};

/** Derives what the layer's table needs and the file may not carry, checking its references. */
export function resolveRow(
  collection: ImportCollection,
  row: PreparedRow,
  ctx: ResolveContext,
): Resolved {
  return RESOLVERS[collection](row, ctx);
}
