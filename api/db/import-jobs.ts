import type { FeatureCollection } from 'geojson';
import {
  ImportOptionsSchema,
  type ImportCounts,
  type ImportDetection,
  type ImportJob,
  type ImportOptions,
  type ImportProblem,
  type ImportStatus,
} from '../contract/imports';
import type { GridQualityReport } from '../contract/quality';
import { isoTime, queryRow, queryRows, type Queryable } from './queryable';

/** Problems kept with a job; `problem_count` says how many there were in all. */
export const STORED_PROBLEMS = 1000;

interface JobRow {
  id: number;
  collection: ImportJob['collection'];
  file_name: string;
  options: unknown;
  status: ImportStatus;
  stage: string;
  done: number;
  total: number;
  detection: ImportDetection | null;
  counts: ImportCounts | null;
  problems: ImportProblem[];
  problem_count: number;
  error: string | null;
  topology: GridQualityReport | null;
  actor: string;
  created_at: Date;
  finished_at: Date | null;
}

const JOB_COLUMNS = `id, collection, file_name, options, status, stage, done, total, detection,
  counts, problems, problem_count, error, topology, actor, created_at, finished_at`;

function jobOf(row: JobRow): ImportJob {
  return {
    id: row.id,
    collection: row.collection,
    fileName: row.file_name,
    options: ImportOptionsSchema.parse(row.options),
    status: row.status,
    progress: { stage: row.stage, done: row.done, total: row.total },
    detection: row.detection,
    counts: row.counts,
    problems: row.problems,
    problemCount: row.problem_count,
    error: row.error,
    topology: row.topology,
    actor: row.actor,
    createdAt: isoTime(row.created_at),
    finishedAt: row.finished_at ? isoTime(row.finished_at) : null,
  };
}

export interface NewImportJob {
  fileName: string;
  fileBytes: number;
  options: ImportOptions;
  actor: string;
  createdAt: Date;
  status: 'queued' | 'running';
}

/** Records a new job (queued for the HTTP runner, running for the command line). */
export async function insertImportJob(db: Queryable, job: NewImportJob): Promise<ImportJob> {
  const row = await queryRow<JobRow>(
    db,
    `INSERT INTO import_jobs (collection, file_name, file_bytes, options, status, stage, actor,
       created_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)
     RETURNING ${JOB_COLUMNS}`,
    [
      job.options.collection,
      job.fileName,
      job.fileBytes,
      JSON.stringify(job.options),
      job.status,
      job.actor,
      job.createdAt.toISOString(),
    ],
  );
  return jobOf(row!);
}

/** The job with this id, or null. */
export async function findImportJob(db: Queryable, id: number): Promise<ImportJob | null> {
  const row = await queryRow<JobRow>(db, `SELECT ${JOB_COLUMNS} FROM import_jobs WHERE id = $1`, [
    id,
  ]);
  return row ? jobOf(row) : null;
}

/** One page of the history, newest first: jobs with ids below `before` (all when null). */
export async function listImportJobs(
  db: Queryable,
  page: { limit: number; before: number | null },
): Promise<ImportJob[]> {
  const rows = await queryRows<JobRow>(
    db,
    `SELECT ${JOB_COLUMNS} FROM import_jobs
     WHERE $1::bigint IS NULL OR id < $1
     ORDER BY id DESC LIMIT $2`,
    [page.before, page.limit],
  );
  return rows.map(jobOf);
}

/** Where a job is now; also its heartbeat. */
export async function updateImportProgress(
  db: Queryable,
  id: number,
  progress: { status: 'queued' | 'running'; stage: string; done: number; total: number },
): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = $2, stage = $3, done = $4, total = $5, heartbeat_at = now()
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, progress.status, progress.stage, progress.done, progress.total],
  );
}

/** How a job ended. */
export interface ImportJobEnd {
  status: 'succeeded' | 'rejected' | 'failed';
  detection: ImportDetection | null;
  counts: ImportCounts | null;
  problems: ImportProblem[];
  error: string | null;
  /** The converted features of a dry run, for the map preview; null otherwise. */
  preview: FeatureCollection | null;
  /** The grid topology check of a grid or admin-area import; null otherwise. */
  topology: GridQualityReport | null;
  finishedAt: Date;
}

/** Records the end of a job: its report, and the preview of a dry run. */
export async function finishImportJob(
  db: Queryable,
  id: number,
  end: ImportJobEnd,
): Promise<ImportJob> {
  const row = await queryRow<JobRow>(
    db,
    `UPDATE import_jobs SET status = $2, stage = 'done', detection = $3, counts = $4,
       problems = $5, problem_count = $6, error = $7, preview = $8, finished_at = $9, topology = $10,
       heartbeat_at = now()
     WHERE id = $1
     RETURNING ${JOB_COLUMNS}`,
    [
      id,
      end.status,
      end.detection ? JSON.stringify(end.detection) : null,
      end.counts ? JSON.stringify(end.counts) : null,
      JSON.stringify(end.problems.slice(0, STORED_PROBLEMS)),
      end.problems.length,
      end.error,
      end.preview ? JSON.stringify(end.preview) : null,
      end.finishedAt.toISOString(),
      end.topology ? JSON.stringify(end.topology) : null,
    ],
  );
  return jobOf(row!);
}

/** The preview of a finished dry run; null when the job has none (not a dry run, not done). */
export async function findImportPreview(
  db: Queryable,
  id: number,
): Promise<FeatureCollection | null> {
  const row = await queryRow<{ preview: FeatureCollection | null }>(
    db,
    'SELECT preview FROM import_jobs WHERE id = $1',
    [id],
  );
  return row?.preview ?? null;
}

/** Keeps this process's open jobs alive: their heartbeat says a process still holds them. */
export async function touchImportJobs(db: Queryable, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `UPDATE import_jobs SET heartbeat_at = now()
     WHERE id = ANY($1::bigint[]) AND status IN ('queued', 'running')`,
    [ids],
  );
}

/**
 * Marks failed the queued or running jobs whose heartbeat stopped more than `staleSeconds` ago
 * (their process died: a crash, a kill, a restart), except those this process holds. Returns
 * how many were marked.
 */
export async function failAbandonedImportJobs(
  db: Queryable,
  options: { staleSeconds: number; held: number[]; now: Date },
): Promise<number> {
  const result = await db.query(
    `UPDATE import_jobs SET status = 'failed', stage = 'done', finished_at = $3,
       error = '导入进程已中断（服务重启或崩溃），未写入任何数据；请重新导入。'
         || ' The process running this import stopped (a restart or a crash) before it finished;'
         || ' nothing was written. Import the file again.'
     WHERE status IN ('queued', 'running')
       AND heartbeat_at < now() - make_interval(secs => $1)
       AND NOT (id = ANY($2::bigint[]))`,
    [options.staleSeconds, options.held, options.now.toISOString()],
  );
  return result.rowCount ?? 0;
}
