import type { Feature, FeatureCollection } from 'geojson';
import type pg from 'pg';
import type { ImportJob, ImportProblem } from '../../contract/imports';
import {
  failAbandonedImportJobs,
  finishImportJob,
  insertImportJob,
  touchImportJobs,
  updateImportProgress,
  type ImportJobEnd,
} from '../../db/import-jobs';
import { convertGeometry } from '../../domain/china-crs';
import type { Clock } from '../../domain/clock';
import { readSource } from '../../files/read-source';
import type { SourceRead } from '../../files/source';
import type { Logger } from '../../log';
import { runImport, type ImportInput, type ImportOutcome, type ImportProgress } from './run-import';

/** Features a dry run keeps for the map preview (`GET /api/v1/imports/{id}/preview`). */
export const PREVIEW_LIMIT = 5000;
/** Progress is written to the job row at most this often (the live snapshot is always current). */
const PROGRESS_WRITE_MS = 500;

export interface JobTiming {
  /** How often a process touches the heartbeat of the jobs it holds. */
  heartbeatMs: number;
  /** A queued or running job whose heartbeat is older than this belonged to a dead process. */
  staleSeconds: number;
}

export const DEFAULT_JOB_TIMING: JobTiming = { heartbeatMs: 10_000, staleSeconds: 60 };

export interface JobDeps {
  pool: pg.Pool;
  clock: Clock;
  /** The engine; tests may pass another with the same contract. */
  run?: typeof runImport;
}

/**
 * Reads the file once to refuse an unreadable one before a job is recorded (throws
 * `UnreadableFileError`, a 400); the result feeds the preview of a dry run.
 */
export function readUpload(bytes: Uint8Array, input: Omit<ImportInput, 'bytes' | 'now'>) {
  const { format, encoding } = input.options;
  return readSource(bytes, { fileName: input.fileName, format, encoding });
}

/** The converted features of a dry run, each with the number of problems found in it. */
export function previewOf(
  source: SourceRead,
  outcome: ImportOutcome,
  limit = PREVIEW_LIMIT,
): FeatureCollection {
  const perFeature = new Map<number, number>();
  for (const problem of outcome.problems) {
    if (problem.index !== null)
      perFeature.set(problem.index, (perFeature.get(problem.index) ?? 0) + 1);
  }
  const crs = outcome.detection.crs;
  const features: Feature[] = source.features.slice(0, limit).map((feature) => ({
    type: 'Feature',
    id: feature.index,
    geometry: feature.geometry ? convertGeometry(feature.geometry, crs, 'wgs84') : null!,
    properties: {
      ...feature.properties,
      index: feature.index,
      problems: perFeature.get(feature.index) ?? 0,
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** The end of a job whose import came back (succeeded or rejected). */
function endOf(outcome: ImportOutcome, preview: FeatureCollection | null, now: Date): ImportJobEnd {
  const { status, detection, counts, problems, topology } = outcome;
  return { status, detection, counts, problems, topology, error: null, preview, finishedAt: now };
}

/** The end of a job that stopped for a reason other than the file's problems. */
export function failedEnd(error: unknown, now: Date): ImportJobEnd {
  const message = error instanceof Error ? error.message : String(error);
  const problems: ImportProblem[] = [];
  return {
    status: 'failed',
    detection: null,
    counts: null,
    problems,
    error: message,
    preview: null,
    topology: null,
    finishedAt: now,
  };
}

/**
 * Throttled progress writes: at most one every PROGRESS_WRITE_MS and never two at once (on the
 * embedded database they wait behind the import's transaction). `flush` waits for the last.
 */
function progressWriter(pool: pg.Pool, id: number, clock: Clock) {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  let busy = false;
  return {
    write(progress: ImportProgress): void {
      const now = clock.now().getTime();
      if (busy || now - last < PROGRESS_WRITE_MS) return;
      last = now;
      busy = true;
      pending = updateImportProgress(pool, id, { status: 'running', ...progress })
        .catch(() => undefined)
        .finally(() => (busy = false));
    },
    flush: () => pending,
  };
}

/**
 * Runs one recorded job to its end: marks it running, runs the import in its own transaction,
 * and records the report (and the preview of a dry run). A file's problems end it `rejected`,
 * anything else `failed` with the message; it never throws for either.
 */
export async function executeImportJob(
  deps: JobDeps,
  job: { id: number; input: ImportInput; source: SourceRead | null },
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<{ job: ImportJob; outcome: ImportOutcome | null }> {
  const { pool, clock } = deps;
  const writer = progressWriter(pool, job.id, clock);
  await updateImportProgress(pool, job.id, {
    status: 'running',
    stage: 'reading',
    done: 0,
    total: 0,
  });
  let end: ImportJobEnd;
  let outcome: ImportOutcome | null = null;
  try {
    outcome = await (deps.run ?? runImport)(pool, job.input, (progress) => {
      onProgress(progress);
      writer.write(progress);
    });
    const dry = job.input.options.dryRun;
    const preview = dry && job.source ? previewOf(job.source, outcome) : null;
    end = endOf(outcome, preview, clock.now());
  } catch (error) {
    end = failedEnd(error, clock.now());
  }
  await writer.flush();
  return { job: await finishImportJob(pool, job.id, end), outcome };
}

/** Touches the heartbeat of the jobs `held()` names every `ms` until stopped. */
export function keepAlive(pool: pg.Pool, held: () => number[], ms: number): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void touchImportJobs(pool, held())
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Records a job for the command line (running at once) and runs it; `source` is the file as
 * `readUpload` read it (it feeds the preview of a dry run).
 */
export async function runImportJobNow(
  deps: JobDeps & { timing?: JobTiming },
  input: ImportInput,
  source: SourceRead | null,
  onProgress: (progress: ImportProgress) => void,
) {
  const row = await insertImportJob(deps.pool, {
    fileName: input.fileName,
    fileBytes: input.bytes.byteLength,
    options: input.options,
    actor: input.actor,
    createdAt: input.now,
    status: 'running',
  });
  const timing = deps.timing ?? DEFAULT_JOB_TIMING;
  const stop = keepAlive(deps.pool, () => [row.id], timing.heartbeatMs);
  try {
    return await executeImportJob(deps, { id: row.id, input, source }, onProgress);
  } finally {
    stop();
  }
}

/** Marks failed the jobs of processes that died; `held` are this process's own. */
export function failAbandoned(deps: JobDeps, timing: JobTiming, held: number[]) {
  return failAbandonedImportJobs(deps.pool, {
    staleSeconds: timing.staleSeconds,
    held,
    now: deps.clock.now(),
  });
}

/** One upload waiting for its turn. */
interface Waiting {
  id: number;
  input: ImportInput;
  source: SourceRead | null;
}

/** Runs one queued job, keeping its live snapshot current for `GET /api/v1/imports/{id}`. */
async function runQueued(
  deps: JobDeps & { log: Logger },
  live: Map<number, ImportJob>,
  next: Waiting,
): Promise<void> {
  const show = (progress: ImportProgress) => {
    const job = live.get(next.id);
    if (job) live.set(next.id, { ...job, status: 'running', progress: { ...progress } });
  };
  show({ stage: 'reading', done: 0, total: 0 });
  const { job } = await executeImportJob(deps, next, show);
  deps.log.info('import finished', { id: job.id, status: job.status, counts: job.counts });
}

/** The imports of one API instance: run one at a time in this process, the rest queued. */
export interface ImportQueue {
  /** Records the job (queued) and queues it; answers the recorded job at once. */
  submit(input: ImportInput, source: SourceRead | null): Promise<ImportJob>;
  /** The current state of a job this instance holds (no database read), or null. */
  live(id: number): ImportJob | null;
  /** Marks failed the jobs of dead processes (at start-up and before history reads). */
  sweep(): Promise<number>;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

/**
 * The import queue of this process. Queued uploads are held in memory: a restart loses them,
 * and the sweep marks them failed once their heartbeat stops.
 */
export function createImportQueue(
  deps: JobDeps & { log: Logger; timing?: JobTiming },
): ImportQueue {
  const timing = deps.timing ?? DEFAULT_JOB_TIMING;
  const live = new Map<number, ImportJob>();
  const waiting: Waiting[] = [];
  let running: Promise<void> | null = null;
  const held = () => [...live.keys()];
  keepAlive(deps.pool, held, timing.heartbeatMs);
  const sweep = () => failAbandoned(deps, timing, held());
  const started = sweep().catch((error: Error) => {
    deps.log.warn('import jobs: the start-up sweep failed', { error: error.message });
    return 0;
  });

  function pump(): void {
    if (running) return;
    const next = waiting.shift();
    if (!next) return;
    running = runQueued(deps, live, next)
      .catch((error: Error) =>
        deps.log.error('import job crashed', { id: next.id, error: error.message }),
      )
      .finally(() => {
        live.delete(next.id);
        running = null;
        pump();
      });
  }

  return {
    async submit(input, source) {
      await started;
      const job = await insertImportJob(deps.pool, {
        fileName: input.fileName,
        fileBytes: input.bytes.byteLength,
        options: input.options,
        actor: input.actor,
        createdAt: input.now,
        status: 'queued',
      });
      live.set(job.id, job);
      waiting.push({ id: job.id, input, source });
      pump();
      return job;
    },
    live: (id) => live.get(id) ?? null,
    sweep,
    async idle() {
      while (running) await running;
    },
  };
}
