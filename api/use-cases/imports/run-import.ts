import type pg from 'pg';
import type { ImportOptions, ImportProblem } from '../../contract/imports';
import type { GridQualityReport } from '../../contract/quality';
import { appendAudit } from '../../db/audit';
import { checkGridTopology } from '../../db/grid-quality';
import { IMPORT_TABLES } from '../../db/import-tables';
import type { ImportRecord } from '../../db/import-upsert';
import { hasErrors } from '../../domain/import/problems';
import { analyseFile, type Analysis } from './analyse-file';
import type { ImportInput, ImportOutcome, ImportProgress } from './import-types';
import { writeAnalysis } from './write-analysis';

export type { ImportInput, ImportOutcome, ImportProgress } from './import-types';

/**
 * Imports one layer inside the caller's transaction (`client` is in BEGIN): reads, maps and
 * validates the file against what the transaction sees, then writes unless there are errors or
 * it is a dry run. Throws `UnreadableFileError` (api/files/source.ts) for a file that cannot be
 * read at all. A district import calls it once per layer in one transaction.
 */
export async function importLayer(
  client: pg.PoolClient,
  input: ImportInput,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const { options } = input;
  const analysis = await analyseFile(client, input, onProgress);
  const fileWide = analysis.problems.some((p) => p.severity === 'error' && p.index === null);
  if (fileWide || (hasErrors(analysis.problems) && !options.skipInvalid)) {
    return rejected(analysis, analysis.problems);
  }
  const table = IMPORT_TABLES[options.collection];
  const written = await writeAnalysis(client, table, analysis, options, onProgress);
  if (written.status === 'rejected')
    return rejected(analysis, [...analysis.problems, ...written.problems]);
  const counts = {
    read: analysis.read,
    ...written.counts,
    skipped: analysis.read - analysis.records.length,
  };
  if (!options.dryRun) {
    await appendAudit(client, {
      at: input.now,
      actor: input.actor,
      action: `import.${options.collection}`,
      target: input.fileName,
      detail: {
        counts,
        fileName: input.fileName,
        crs: options.crs,
        format: analysis.detection.format,
      },
    });
  }
  const topology = await topologyOf(client, options, analysis.records, onProgress);
  return {
    status: 'succeeded',
    detection: analysis.detection,
    counts,
    problems: analysis.problems,
    topology,
  };
}

function rejected(analysis: Analysis, problems: ImportProblem[]): ImportOutcome {
  return {
    status: 'rejected',
    detection: analysis.detection,
    counts: { read: analysis.read, inserted: 0, updated: 0, unchanged: 0, deleted: 0, skipped: 0 },
    problems,
    topology: null,
  };
}

async function topologyOf(
  client: pg.PoolClient,
  options: ImportOptions,
  records: readonly ImportRecord[],
  onProgress: (progress: ImportProgress) => void,
): Promise<GridQualityReport | null> {
  if (options.collection !== 'grids' && options.collection !== 'admin-areas') return null;
  const communityCodes = [
    ...new Set(
      records
        .map((r) =>
          options.collection === 'grids'
            ? r.community_code
            : r.level === 'community'
              ? r.code
              : null,
        )
        .filter((c): c is string => typeof c === 'string'),
    ),
  ];
  onProgress({ stage: 'topology', done: 0, total: 1 });
  const report = await checkGridTopology(client, { communityCodes });
  onProgress({ stage: 'topology', done: 1, total: 1 });
  return report;
}

/**
 * Imports one file in its own transaction: committed when it succeeded and is not a dry run,
 * rolled back otherwise, so a rejected or dry-run import writes nothing.
 */
export async function runImport(
  pool: pg.Pool,
  input: ImportInput,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    const outcome = await importLayer(client, input, onProgress);
    const keep = outcome.status === 'succeeded' && !input.options.dryRun;
    await client.query(keep ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed mid-transaction is dropped, as api/db/transaction.ts does.
    client.release(failed);
  }
}
