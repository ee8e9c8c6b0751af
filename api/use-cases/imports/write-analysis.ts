import type pg from 'pg';
import type { ImportOptions, ImportProblem } from '../../contract/imports';
import type { ImportTable } from '../../db/import-tables';
import type { ImportRecord } from '../../db/import-upsert';
import { importError } from '../../domain/import/problems';
import type { Analysis } from './analyse-file';
import type { ImportProgress } from './import-types';
import { applyWrites, planWrites } from './write-layer';

/** What the writes did (or, in a dry run, would do), or why they were refused. */
export type Written =
  | {
      status: 'written';
      counts: { inserted: number; updated: number; unchanged: number; deleted: number };
    }
  | { status: 'rejected'; problems: ImportProblem[] };

const LEVEL_ORDER: Record<string, number> = { district: 0, street: 1, community: 2 };

/**
 * Plans and (unless a dry run) carries out the writes inside a savepoint: a constraint the
 * checks did not foresee rolls back to it and becomes a problem of the file, never a 500 and
 * never a partial write.
 */
export async function writeAnalysis(
  client: pg.PoolClient,
  table: ImportTable,
  analysis: Analysis,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
): Promise<Written> {
  const records = parentsFirst(table, analysis.records);
  const plan = await planWrites(
    client,
    table,
    records,
    analysis.keys,
    options.replace,
    analysis.absent,
  );
  if (plan.problems.length > 0) return { status: 'rejected', problems: plan.problems };
  if (options.dryRun) return { status: 'written', counts: plan.counts };
  await client.query('SAVEPOINT yiping_import');
  try {
    const total = plan.changed.length;
    onProgress({ stage: 'writing', done: 0, total });
    await applyWrites(client, table, plan, (done) => onProgress({ stage: 'writing', done, total }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('23')) throw error;
    await client.query('ROLLBACK TO SAVEPOINT yiping_import');
    const detail = (error as Error).message;
    return {
      status: 'rejected',
      problems: [
        importError(
          { index: null, row: null, field: null },
          'constraint_violation',
          `数据库拒绝了写入：${detail}。`,
          `The database refused the write: ${detail}.`,
        ),
      ],
    };
  }
  await client.query('RELEASE SAVEPOINT yiping_import');
  return { status: 'written', counts: plan.counts };
}

/** Admin areas are written districts first, then streets, then communities (parents exist first). */
function parentsFirst(table: ImportTable, records: ImportRecord[]): ImportRecord[] {
  if (table.name !== 'admin_areas') return records;
  return [...records].sort((a, b) => LEVEL_ORDER[String(a.level)]! - LEVEL_ORDER[String(b.level)]!);
}
