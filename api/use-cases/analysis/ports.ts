import type pg from 'pg';
import { type GridPlace, locateGrids } from '../../db/incident-placement';

/**
 * The one database service the analysis needs beside its model: where points lie (grid,
 * community, street; null outside the district), through the same `locate_grid` incidents use.
 * Bound to the owner pool at the composition root: it answers whatever the caller's scope.
 */
export interface AnalysisPorts {
  locate(points: readonly { lng: number; lat: number }[]): Promise<(GridPlace | null)[]>;
}

export function analysisPorts(pool: pg.Pool): AnalysisPorts {
  return { locate: (points) => locateGrids(pool, points) };
}
