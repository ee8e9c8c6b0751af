import type pg from 'pg';
import type {
  ImportCounts,
  ImportDetection,
  ImportOptions,
  ImportProblem,
} from '../../contract/imports';
import type { GridQualityReport } from '../../contract/quality';

/** Where a running import is: shown as a progress bar and in the job. */
export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing' | 'topology';
  done: number;
  total: number;
}

/** One file to import, with who asked for it (written to the audit log). */
export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
  actor: string;
  now: Date;
}

/** How an import ended. `rejected`: the file had errors and nothing was written. */
export interface ImportOutcome {
  status: 'succeeded' | 'rejected';
  detection: ImportDetection;
  counts: ImportCounts;
  problems: ImportProblem[];
  /** The grid topology check run after a grid (or admin-area) import; null for other layers. */
  topology: GridQualityReport | null;
}

/**
 * Imports one layer inside the caller's transaction (`client` is in BEGIN): reads, maps and
 * validates the file against what the transaction sees, then writes unless there are errors or
 * it is a dry run. Throws `UnreadableFileError` (api/files/source.ts) for a file that cannot be
 * read at all. A district import calls it once per layer in one transaction.
 */
export async function importLayer(
  _client: pg.PoolClient,
  _input: ImportInput,
  _onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  return Promise.reject(new Error('importLayer: not built yet'));
}

/**
 * Imports one file in its own transaction: committed when it succeeded and is not a dry run,
 * rolled back otherwise, so a rejected or dry-run import writes nothing.
 */
export async function runImport(
  _pool: pg.Pool,
  _input: ImportInput,
  _onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  return Promise.reject(new Error('runImport: not built yet'));
}
