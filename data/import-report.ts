import type { ImportJob, ImportProblem } from '../api/contract/imports';
import type { ImportProgress } from '../api/use-cases/imports/run-import';

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

const STAGES: Record<ImportProgress['stage'], string> = {
  reading: '读取 reading',
  checking: '校验 checking',
  writing: '写入 writing',
  topology: '拓扑检查 topology',
};

const STATUSES: Record<ImportJob['status'], string> = {
  queued: '排队 queued',
  running: '运行中 running',
  succeeded: '成功 succeeded',
  rejected: '已拒绝，未写入任何数据 rejected, nothing was written',
  failed: '失败 failed',
};

/**
 * Import progress on `stream` (stderr): a redrawn bar on a terminal, otherwise a line per stage
 * and per 10% so logs stay short.
 */
export function progressPrinter(stream: Output) {
  let last = '';
  return (p: ImportProgress) => {
    const share = p.total ? Math.min(1, p.done / p.total) : 0;
    const label = `${STAGES[p.stage]} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}`;
    if (stream.isTTY) {
      const filled = Math.round(share * 30);
      const bar = '█'.repeat(filled) + '░'.repeat(30 - filled);
      stream.write(`\r  ${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${label}\x1b[K`);
      return;
    }
    const key = `${p.stage}:${Math.floor(share * 10)}`;
    if (key === last) return;
    last = key;
    stream.write(`  ${(share * 100).toFixed(0).padStart(3)}%  ${label}\n`);
  };
}

/** Where a problem is: the spreadsheet row of a CSV, else the feature's index in the file. */
function placeOf(problem: ImportProblem): string {
  if (problem.row !== null) return `第 ${problem.row} 行 row ${problem.row}`;
  if (problem.index !== null) return `第 ${problem.index + 1} 个要素 feature #${problem.index}`;
  return '整个文件 whole file';
}

function problemLine(problem: ImportProblem): string {
  const level = problem.severity === 'error' ? '错误 error' : '警告 warning';
  const field = problem.field ? ` [${problem.field}]` : '';
  const hint = problem.suggestion ? `（建议 suggestion: ${problem.suggestion}）` : '';
  return `  ${placeOf(problem)}${field} ${level} ${problem.code}: ${problem.message}${hint}`;
}

/** The report of a finished job, zh-CN then English, for people reading a terminal. */
export function printReport(out: Output, job: ImportJob): void {
  const dry = job.options.dryRun ? '（试运行 dry run）' : '';
  out.write(`\n导入任务 Import job #${job.id}${dry}: ${job.fileName} → ${job.collection}\n`);
  out.write(`状态 Status: ${STATUSES[job.status]}\n`);
  if (job.detection) {
    const d = job.detection;
    out.write(
      `检测 Detected: ${d.format}, ${d.encoding ?? '-'}, ${d.crs}${d.declaredCrs ? ` (${d.declaredCrs})` : ''}, ${d.featureCount} 个要素 features\n`,
    );
  }
  if (job.counts) {
    const c = job.counts;
    out.write(
      `计数 Counts: 读取 read ${c.read} · 新增 inserted ${c.inserted} · 更新 updated ${c.updated} · 未变 unchanged ${c.unchanged} · 删除 deleted ${c.deleted} · 跳过 skipped ${c.skipped}\n`,
    );
  }
  if (job.error) out.write(`错误 Error: ${job.error}\n`);
  if (job.problemCount) {
    out.write(`问题 Problems (${job.problemCount}):\n`);
    for (const problem of job.problems) out.write(`${problemLine(problem)}\n`);
    const hidden = job.problemCount - job.problems.length;
    if (hidden > 0) out.write(`  …另有 ${hidden} 个 and ${hidden} more\n`);
  }
}
