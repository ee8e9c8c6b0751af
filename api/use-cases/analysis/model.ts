import type { ServiceCategory } from '../../contract/codes';
import type { AreaInput, BuildingInput, FacilityInput } from '../../db/analysis-inputs';
import { type Attachments, attachPoints } from '../../domain/walking/attach';
import type { Demand } from '../../domain/walking/coverage';
import { buildNetwork, type RoadLine, type WalkingNetwork } from '../../domain/walking/network';
import { toMetres } from '../../domain/walking/projection';

/**
 * The analysis model of one version of the inputs: the walking network, the buildings attached
 * to it (the demand) and the facilities attached to it (the supply), all in typed arrays.
 */

/** Facilities of one category, attached. */
export interface Supply {
  readonly list: readonly FacilityInput[];
  readonly attach: Attachments;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface AnalysisModel {
  /** Versions of roads, buildings and service points this model was built from. */
  readonly versions: Readonly<Record<string, number>>;
  readonly network: WalkingNetwork;
  readonly buildings: readonly BuildingInput[];
  readonly demand: Demand;
  readonly buildingX: Float64Array;
  readonly buildingY: Float64Array;
  readonly buildingAttach: Attachments;
  readonly facilities: readonly FacilityInput[];
  readonly supply: ReadonlyMap<ServiceCategory, Supply>;
  readonly areas: ReadonlyMap<string, AreaInput>;
  /** Walking distance from each building to the nearest facility, per category, once computed. */
  readonly distances: Map<ServiceCategory, Float64Array>;
  readonly straightLines: Map<ServiceCategory, Float64Array>;
}

/** Projects `[lng, lat]` points into the network's plane. */
export function projectPoints(
  network: WalkingNetwork,
  points: readonly { lng: number; lat: number }[],
) {
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  points.forEach((p, i) => {
    [x[i], y[i]] = toMetres(network.projection, p.lng, p.lat);
  });
  return { x, y };
}

/** Attaches facilities of every category. */
export function buildSupply(
  network: WalkingNetwork,
  facilities: readonly FacilityInput[],
): Map<ServiceCategory, Supply> {
  const byCategory = new Map<ServiceCategory, FacilityInput[]>();
  for (const f of facilities)
    byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const supply = new Map<ServiceCategory, Supply>();
  for (const [category, list] of byCategory) supply.set(category, attachSupply(network, list));
  return supply;
}

/** One list of facilities, attached. */
export function attachSupply(network: WalkingNetwork, list: readonly FacilityInput[]): Supply {
  const { x, y } = projectPoints(network, list);
  return { list, attach: attachPoints(network, x, y), x, y };
}

function demandOf(buildings: readonly BuildingInput[]): Demand {
  const gridCodes = [...new Set(buildings.map((b) => b.gridCode))].sort();
  const gridIndex = new Map(gridCodes.map((code, i) => [code, i]));
  return {
    count: buildings.length,
    population: Int32Array.from(buildings, (b) => b.population),
    households: Int32Array.from(buildings, (b) => b.households),
    gridIndex: Int32Array.from(buildings, (b) => gridIndex.get(b.gridCode)!),
    gridCodes,
  };
}

export interface ModelInputs {
  versions: Record<string, number>;
  roads: readonly RoadLine[];
  buildings: readonly BuildingInput[];
  facilities: readonly FacilityInput[];
  areas: readonly AreaInput[];
}

/** Builds the whole model: network, attached buildings and facilities. */
export function buildModel(inputs: ModelInputs): AnalysisModel {
  const network = buildNetwork(inputs.roads);
  const { x, y } = projectPoints(network, inputs.buildings);
  return {
    versions: inputs.versions,
    network,
    buildings: inputs.buildings,
    demand: demandOf(inputs.buildings),
    buildingX: x,
    buildingY: y,
    buildingAttach: attachPoints(network, x, y),
    facilities: inputs.facilities,
    supply: buildSupply(network, inputs.facilities),
    areas: new Map(inputs.areas.map((a) => [a.code, a])),
    distances: new Map(),
    straightLines: new Map(),
  };
}

/** The same network and buildings with other facilities (after service points changed). */
export function withFacilities(
  model: AnalysisModel,
  versions: Record<string, number>,
  facilities: readonly FacilityInput[],
): AnalysisModel {
  return {
    ...model,
    versions,
    facilities,
    supply: buildSupply(model.network, facilities),
    distances: new Map(),
    straightLines: new Map(),
  };
}
