import type {
  ImportCollection,
  ImportDetection,
  ImportJob,
  ImportProblem,
  ImportStatus,
} from '../../api/contract/imports';
import { ITEM_CONTRACTS } from '../../api/contract/items';
import type { Bounds } from './geometry';

/** Statuses after which a job no longer changes. */
const FINISHED: readonly ImportStatus[] = ['succeeded', 'rejected', 'failed'];

/** True once a job has stopped (succeeded, rejected or failed): polling can end. */
export function isFinished(status: ImportStatus): boolean {
  return FINISHED.includes(status);
}

/** How many errors and warnings a job listed, and how many more it found but did not send. */
export interface ProblemSummary {
  errors: number;
  warnings: number;
  /** Distinct features with at least one listed error: what `skipInvalid` would leave out. */
  rowsWithErrors: number;
  /** Problems found beyond the listed ones (`problemCount` minus the list's length). */
  unlisted: number;
}

/** Counts a job's listed problems by severity and the features they concern. */
export function summariseProblems(
  job: Pick<ImportJob, 'problems' | 'problemCount'>,
): ProblemSummary {
  const errors = job.problems.filter((p) => p.severity === 'error');
  const rows = new Set(errors.map((p) => p.index ?? p.row ?? -1));
  return {
    errors: errors.length,
    warnings: job.problems.length - errors.length,
    rowsWithErrors: rows.size,
    unlisted: Math.max(0, job.problemCount - job.problems.length),
  };
}

/** Whether the admin may confirm, and why not. */
export type ConfirmGate =
  | { allowed: true; skipped: number }
  | { allowed: false; reason: 'not-ready' | 'errors' | 'failed' | 'empty' };

/**
 * Errors block the import unless `skipInvalid` is on, when the rows with errors will be skipped
 * (the dry run's own `skipped` count when it gave one). A failed dry run, one still running, or a
 * file without features cannot be confirmed.
 */
export function confirmGate(dryRun: ImportJob | undefined, skipInvalid: boolean): ConfirmGate {
  if (!dryRun || !isFinished(dryRun.status)) return { allowed: false, reason: 'not-ready' };
  if (dryRun.status === 'failed' || !dryRun.detection) return { allowed: false, reason: 'failed' };
  if (dryRun.detection.featureCount === 0) return { allowed: false, reason: 'empty' };
  const summary = summariseProblems(dryRun);
  if (summary.errors === 0 && dryRun.status !== 'rejected') return { allowed: true, skipped: 0 };
  if (!skipInvalid) return { allowed: false, reason: 'errors' };
  const skipped = Math.max(dryRun.counts?.skipped ?? 0, summary.rowsWithErrors);
  return { allowed: true, skipped };
}

/** Progress as a fraction 0…1, or null when the total is not known yet. */
export function progressFraction(progress: ImportJob['progress']): number | null {
  if (progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/** One choice of "our field" in the mapping table: its name and its label from the contract. */
export interface TargetField {
  name: string;
  label: string;
}

/**
 * The fields a source field can be mapped to: the collection's item properties as the contract
 * declares them (their descriptions are the labels), plus any the server mapped that the
 * contract does not list (water has no collection; `geometry` columns, `wkt` …).
 */
export function targetFields(
  collection: ImportCollection,
  detection: Pick<ImportDetection, 'mapping'> | null,
): TargetField[] {
  const fields = new Map<string, string>();
  if (collection !== 'water') {
    const shape = ITEM_CONTRACTS[collection].properties.shape as Record<
      string,
      { description?: string }
    >;
    for (const [name, schema] of Object.entries(shape))
      fields.set(name, schema.description ?? name);
  }
  for (const name of Object.values(detection?.mapping ?? {})) {
    if (name && !fields.has(name)) fields.set(name, name);
  }
  return [...fields].map(([name, label]) => ({ name, label }));
}

/** Where a problem is: a CSV row (as a spreadsheet shows it) or the feature's 1-based number. */
export function problemPlace(problem: Pick<ImportProblem, 'row' | 'index'>): string {
  if (problem.row !== null) return `第 ${problem.row} 行 · row ${problem.row}`;
  if (problem.index !== null) return `第 ${problem.index + 1} 个 · #${problem.index + 1}`;
  return '—';
}

type Position = number[];

function visitPositions(coordinates: unknown, visit: (position: Position) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    visit(coordinates as Position);
    return;
  }
  for (const inner of coordinates) visitPositions(inner, visit);
}

/** The bounding box of any GeoJSON features (points, lines, polygons), or null when empty. */
export function featureBounds(features: readonly { geometry: object | null }[]): Bounds | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    const geometry = feature.geometry as { coordinates?: unknown } | null;
    visitPositions(geometry?.coordinates, ([lng = NaN, lat = NaN]) => {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    });
  }
  if (!Number.isFinite(west + south + east + north)) return null;
  return [
    [west, south],
    [east, north],
  ];
}
