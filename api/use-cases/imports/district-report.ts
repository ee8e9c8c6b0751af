import type { ImportCollection, ImportCounts, ImportProblem } from '../../contract/imports';
import type { GridQualityReport } from '../../contract/quality';
import type { LayerCounts } from '../../db/district-layers';
import type { AccountWarnings, OrphanCounts } from '../../db/district-operational';

/**
 * How one file of a district fared. `unreadable`: the file could not be read at all (nothing
 * was started); `missing`: the manifest names a file that was not given; `rejected`: it had
 * errors; `failed`: the database refused what it wrote; `not_run`: an earlier file failed.
 */
export interface DistrictFileReport {
  file: string;
  collection: ImportCollection;
  status: 'succeeded' | 'rejected' | 'unreadable' | 'missing' | 'failed' | 'not_run';
  counts: ImportCounts | null;
  problems: ImportProblem[];
  /** What stopped the file, when it is not a list of problems. */
  error: string | null;
  /** The grid topology check run after a grid or admin-area layer; null otherwise. */
  topology?: GridQualityReport | null;
}

/**
 * How a district replacement ended. `replaced`: committed. `rejected`: a file was missing,
 * unreadable or had errors; `refused`: operational records refer to areas or members the new
 * district lacks and discarding them was not asked for. Both leave the database unchanged.
 */
export interface DistrictOutcome {
  status: 'replaced' | 'rejected' | 'refused';
  files: DistrictFileReport[];
  /** Rows of the previous district's layers; null when nothing was started. */
  removed: LayerCounts | null;
  /** Rows of the new district's layers as the transaction saw them before it ended. */
  loaded: LayerCounts | null;
  /** Operational records that referred to what is gone (discarded when `discarded`). */
  orphans: OrphanCounts | null;
  discarded: boolean;
  /** Accounts left scoped to removed areas or linked to removed members (they see nothing). */
  accounts: AccountWarnings | null;
}

/** The first problems of a file, for messages; the report keeps them all. */
export function firstProblems(report: DistrictFileReport, limit = 5): string[] {
  return report.problems
    .filter((p) => p.severity === 'error')
    .slice(0, limit)
    .map((p) => {
      const where = p.row !== null ? `行 row ${p.row}` : p.index !== null ? `#${p.index}` : '';
      return `${where} ${p.field ?? ''} ${p.message}`.replace(/\s+/g, ' ').trim();
    });
}

/** Says, zh-CN first then English, why a replacement did not happen or what it did. */
export function describeOutcome(outcome: DistrictOutcome): string[] {
  const lines: string[] = [];
  for (const f of outcome.files) {
    const counts = f.counts ? ` (${f.counts.inserted} 条写入 inserted)` : '';
    lines.push(
      `${f.file} [${f.collection}]: ${f.status}${counts}${f.error ? ` — ${f.error}` : ''}`,
    );
    for (const line of firstProblems(f)) lines.push(`    ${line}`);
    const more = f.problems.filter((p) => p.severity === 'error').length - 5;
    if (more > 0) lines.push(`    … 另有 ${more} 个问题 / ${more} more problems`);
  }
  if (outcome.status === 'refused' && outcome.orphans) {
    lines.push(
      '运行记录仍指向新辖区中不存在的区域或网格员，未作任何更改。确认丢弃请加 --discard-operational。',
      `Operational records refer to areas or members the new district lacks; nothing was changed. Add --discard-operational to delete them: ${JSON.stringify(outcome.orphans)}`,
    );
  }
  if (outcome.status === 'rejected') {
    lines.push('文件有问题，未作任何更改。 / The files have problems; nothing was changed.');
  }
  if (outcome.status === 'replaced') {
    lines.push(`辖区已替换 District replaced: ${JSON.stringify(outcome.loaded)}`);
    if (outcome.discarded) {
      lines.push(
        `已丢弃的运行记录 Discarded operational records: ${JSON.stringify(outcome.orphans)}`,
        '请重启所有 API 实例（统计概览的内存计数假定事件日志只追加）。 / Restart every API instance: the overview keeps counts of the event log in memory and assumes it only grows.',
      );
    }
  }
  if (outcome.accounts && Object.values(outcome.accounts).some((n) => n > 0)) {
    lines.push(
      `账号范围指向已删除区域或网格员（这些账号将看不到数据）/ Accounts scoped to removed areas or linked to removed members (they now see nothing): ${JSON.stringify(outcome.accounts)}`,
    );
  }
  return lines;
}
