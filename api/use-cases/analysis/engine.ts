import type pg from 'pg';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../contract/codes';
import {
  readAreas,
  readBuildings,
  readFacilities,
  readInputVersions,
  readRoadLines,
} from '../../db/analysis-inputs';
import { straightLineDistances } from '../../domain/walking/straight-line';
import { walkingDistances } from '../../domain/walking/shortest-paths';
import { type AnalysisModel, buildModel, type Supply, withFacilities } from './model';

/**
 * Keeps the analysis model in memory and current: each use asks the database for the input
 * versions (one small read) and rebuilds only what changed — everything when roads or buildings
 * changed, the facilities when service points did. Concurrent callers share one rebuild.
 */
export interface AnalysisEngine {
  /** The model of the current inputs. */
  model(): Promise<AnalysisModel>;
}

const EMPTY: Supply = {
  list: [],
  attach: {
    count: 0,
    edge: new Int32Array(),
    offset: new Float64Array(),
    access: new Float64Array(),
  },
  x: new Float64Array(),
  y: new Float64Array(),
};

const sameVersions = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

export function createAnalysisEngine(pool: pg.Pool): AnalysisEngine {
  let built: Promise<AnalysisModel> | null = null;
  let builtFor: Record<string, number> = {};
  const rebuild = async (versions: Record<string, number>, previous: AnalysisModel | null) => {
    if (
      previous &&
      previous.versions.roads === versions.roads &&
      previous.versions.buildings === versions.buildings
    ) {
      return withFacilities(previous, versions, await readFacilities(pool));
    }
    const roads = await readRoadLines(pool);
    const buildings = await readBuildings(pool);
    const facilities = await readFacilities(pool);
    const areas = await readAreas(pool);
    return buildModel({ versions, roads, buildings, facilities, areas });
  };
  return {
    async model() {
      const versions = await readInputVersions(pool);
      if (built && sameVersions(versions, builtFor)) return built;
      const previous = built ? await built.catch(() => null) : null;
      if (built && sameVersions(versions, builtFor)) return built;
      builtFor = versions;
      built = rebuild(versions, previous);
      built.catch(() => {
        if (builtFor === versions) built = null;
      });
      return built;
    },
  };
}

/** The facilities of a category in the model (none: an empty supply). */
export function supplyOf(model: AnalysisModel, category: ServiceCategory): Supply {
  return model.supply.get(category) ?? EMPTY;
}

/** Walking metres from every building to the nearest facility of the category (cached). */
export function categoryDistances(model: AnalysisModel, category: ServiceCategory): Float64Array {
  let distances = model.distances.get(category);
  if (!distances) {
    distances = walkingDistances(
      model.network,
      supplyOf(model, category).attach,
      model.buildingAttach,
    );
    model.distances.set(category, distances);
  }
  return distances;
}

/** Straight-line metres from every building to the nearest facility of the category (cached). */
export function categoryStraightLines(
  model: AnalysisModel,
  category: ServiceCategory,
): Float64Array {
  let distances = model.straightLines.get(category);
  if (!distances) {
    const supply = supplyOf(model, category);
    distances = straightLineDistances(model.buildingX, model.buildingY, supply.x, supply.y);
    model.straightLines.set(category, distances);
  }
  return distances;
}

/**
 * Builds the model and every category's distances ahead of the first request, and says what
 * was built (the start-up message).
 */
export async function warmAnalysis(engine: AnalysisEngine): Promise<string> {
  const started = performance.now();
  const model = await engine.model();
  for (const category of SERVICE_CATEGORIES) categoryDistances(model, category);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { nodeCount, edgeCount } = model.network;
  const n = (value: number) => value.toLocaleString('en');
  return `walking network of ${n(nodeCount)} nodes and ${n(edgeCount)} edges, ${n(model.buildings.length)} buildings, 20 categories in ${seconds} s.`;
}
