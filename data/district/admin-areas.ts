import type { MultiPolygon, Polygon } from 'geojson';
import { blockRing, type Block } from './lattice';
import { COUNTY_CODE } from './layout';
import { memberId } from './staffing';
import type { DistrictModel } from './model';
import type { AdminAreaRow, GridRow } from './rows';

/** Admin code of the demo district (济宁高新区, GB/T 2260 county code + six zeros). */
export const DISTRICT_CODE = `${COUNTY_CODE}000000`;

/** The district's display name says that it is synthetic. */
export const DISTRICT_NAME = '济宁高新区（演示数据）';

function blockPolygon(model: DistrictModel, block: Block): Polygon {
  return { type: 'Polygon', coordinates: [blockRing(model.lattice, block)] };
}

function blockMultiPolygon(model: DistrictModel, block: Block): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: [[blockRing(model.lattice, block)]] };
}

/** The district, its streets and its communities, parents first. */
export function* adminAreaRows(model: DistrictModel): Generator<AdminAreaRow> {
  const { columns, rows } = model.config;
  yield {
    code: DISTRICT_CODE,
    name: DISTRICT_NAME,
    level: 'district',
    parent_code: null,
    kind: null,
    geom: blockMultiPolygon(model, { i0: 0, j0: 0, i1: columns, j1: rows }),
  };
  for (const street of model.layout.streets) {
    yield {
      code: street.code,
      name: street.name,
      level: 'street',
      parent_code: DISTRICT_CODE,
      kind: null,
      geom: blockMultiPolygon(model, street.block),
    };
  }
  for (const community of model.layout.communities) {
    yield {
      code: community.code,
      name: community.name,
      level: 'community',
      parent_code: model.layout.streets[community.streetIndex]?.code ?? DISTRICT_CODE,
      kind: community.kind,
      geom: blockMultiPolygon(model, community.block),
    };
  }
}

/** Every grid with its figures, leader and cell polygon. */
export function* gridRows(model: DistrictModel): Generator<GridRow> {
  const { communities, streets } = model.layout;
  for (const grid of model.layout.grids) {
    yield {
      code: grid.code,
      name: grid.name,
      community_code: communities[grid.communityIndex]?.code ?? '',
      street_code: streets[grid.streetIndex]?.code ?? '',
      kind: grid.kind,
      households: grid.households,
      population: grid.population,
      shops: grid.shops,
      leader_id: memberId(model.staffing.leaderOf[grid.index] as number),
      geom: blockPolygon(model, { i0: grid.i, j0: grid.j, i1: grid.i + 1, j1: grid.j + 1 }),
    };
  }
}
