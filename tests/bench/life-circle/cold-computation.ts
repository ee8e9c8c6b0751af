import type pg from 'pg';
import { categoryDistances } from '../../../api/use-cases/analysis/engine';
import { type AnalysisModel, buildModel } from '../../../api/use-cases/analysis/model';
import { SERVICE_CATEGORIES } from '../../../api/contract/codes';
import {
  readAreas,
  readBuildings,
  readFacilities,
  readInputVersions,
  readRoadLines,
} from '../../../api/db/analysis-inputs';

/** One cold computation of every category, split into its phases (milliseconds). */
export interface ColdComputation {
  readMs: number;
  buildMs: number;
  dijkstraMs: number;
  totalMs: number;
  model: AnalysisModel;
}

/**
 * What the engine does from nothing (a start, or an edit of roads or buildings), in process:
 * read the inputs, build the model (network, attached buildings and facilities), then one
 * multi-source Dijkstra for each of the twenty categories.
 */
export async function coldComputation(pool: pg.Pool): Promise<ColdComputation> {
  const start = performance.now();
  const versions = await readInputVersions(pool);
  const roads = await readRoadLines(pool);
  const buildings = await readBuildings(pool);
  const facilities = await readFacilities(pool);
  const areas = await readAreas(pool);
  const read = performance.now();
  const model = buildModel({ versions, roads, buildings, facilities, areas });
  const built = performance.now();
  for (const category of SERVICE_CATEGORIES) categoryDistances(model, category);
  const done = performance.now();
  return {
    readMs: read - start,
    buildMs: built - read,
    dijkstraMs: done - built,
    totalMs: done - start,
    model,
  };
}
