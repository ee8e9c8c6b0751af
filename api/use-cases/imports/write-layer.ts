import type pg from 'pg';
import type { ImportProblem } from '../../contract/imports';
import { applyMemberGrids, planMemberGrids, type MemberGridsPlan } from '../../db/import-members';
import { deleteKeys, staleKeys, staleReferences } from '../../db/import-replace';
import type { ImportTable } from '../../db/import-tables';
import {
  diffRows,
  upsertRows,
  type ImportRecord,
  type KeptColumns,
  type UpsertCounts,
} from '../../db/import-upsert';
import { importError } from '../../domain/import/problems';

/** What the writes will do, worked out before any of them runs. */
export interface WritePlan {
  changed: ImportRecord[];
  counts: UpsertCounts & { deleted: number };
  stale: (string | null)[];
  memberGrids: MemberGridsPlan | null;
  problems: ImportProblem[];
  /** Columns the file lacks: stored values stay (api/db/import-upsert.ts). */
  kept: KeptColumns;
}

/**
 * Plans the writes: which rows differ from the stored ones, which stored rows a replace deletes
 * and whether anything still refers to them (then a problem, and nothing is written).
 * `keep` holds every key of the file, skipped rows included, so a replace never deletes a row
 * only because its new version was invalid.
 */
export async function planWrites(
  client: pg.PoolClient,
  table: ImportTable,
  records: readonly ImportRecord[],
  keep: readonly string[],
  replace: boolean,
  kept: KeptColumns = new Set(),
): Promise<WritePlan> {
  const diff = await diffRows(client, table, records, kept);
  const byKey = new Map(records.map((r) => [String(r[table.key]), r]));
  const changedKeys = new Set(diff.map((d) => d.key));
  const inserted = diff.filter((d) => d.isNew).length;
  const memberGrids = table.name === 'grid_members' ? await planMembers(client, records) : null;
  const assignmentsOnly = [...(memberGrids?.changed ?? [])].filter((id) => !changedKeys.has(id));
  const stale = replace ? await staleKeys(client, table, keep) : [];
  const problems = (await staleReferences(client, table, stale)).map((ref) =>
    importError(
      { index: null, row: null, field: null },
      'still_referenced',
      `替换将删除 ${stale.length} 条文件中没有的记录，但 ${ref.table}.${ref.column} 中仍有 ${ref.count} 条记录引用它们。`,
      `Replacing would delete ${stale.length} rows the file lacks, but ${ref.count} rows of ${ref.table} (${ref.column}) still refer to them.`,
    ),
  );
  return {
    changed: diff.map((d) => byKey.get(d.key)!),
    counts: {
      inserted,
      updated: diff.length - inserted + assignmentsOnly.length,
      unchanged: records.length - diff.length - assignmentsOnly.length,
      deleted: stale.length,
    },
    stale,
    memberGrids,
    problems,
    kept,
  };
}

async function planMembers(client: pg.PoolClient, records: readonly ImportRecord[]) {
  const wanted = records
    .filter((r) => Array.isArray(r.grids))
    .map((r) => ({ memberId: String(r.id), grids: r.grids as string[] }));
  return planMemberGrids(client, wanted);
}

/** Carries out a plan: upserts, assignments, then the replace's deletions. */
export async function applyWrites(
  client: pg.PoolClient,
  table: ImportTable,
  plan: WritePlan,
  onBatch: (done: number) => void,
): Promise<void> {
  await upsertRows(client, table, plan.changed, onBatch, plan.kept);
  if (plan.memberGrids) await applyMemberGrids(client, plan.memberGrids);
  if (plan.stale.length > 0) await deleteKeys(client, table, plan.stale);
}
