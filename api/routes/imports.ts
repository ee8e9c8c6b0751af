import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ImportJobSchema, ImportOptionsSchema, type ImportOptions } from '../contract/imports';
import { appendAudit } from '../db/audit';
import { findImportJob, findImportPreview, listImportJobs } from '../db/import-jobs';
import type { Queryable } from '../db/queryable';
import type { Clock } from '../domain/clock';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import { actorName } from '../domain/principal';
import { UnreadableFileError } from '../files/source';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';
import { ImportHistoryQuerySchema } from '../openapi/import-operations';
import { readUpload, type ImportQueue } from '../use-cases/imports/jobs';

/** The largest upload `POST /api/v1/imports` accepts unless configured: 200 MB. */
export const DEFAULT_IMPORT_BYTES = 200 * 1024 * 1024;
/** The path of the upload, which has its own body limit (api/app.ts). */
export const IMPORT_UPLOAD_PATH = '/api/v1/imports';

class UploadTooLargeError extends AppError {
  constructor(bytes: number) {
    const mb = Math.floor(bytes / (1024 * 1024));
    super(
      'payload_too_large',
      `上传的文件超过 ${mb} MB 的上限，未写入任何数据；请拆分文件或用命令行 npm run import 导入。` +
        ` The upload is larger than the ${mb} MB limit (${bytes} bytes); nothing was written.` +
        ' Split the file, or import it with `npm run import` on the server.',
    );
  }
}

/** 413 for an upload above `bytes`, before any of it is read into a job. */
export function limitUpload(bytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new UploadTooLargeError(bytes);
    },
  });
}

interface ImportRouteDeps {
  /** The owner pool: jobs are not scoped data. */
  db: Queryable;
  clock: Clock;
  queue: ImportQueue;
}

/** The form fields an upload may carry besides `file` (or all of them as JSON in `options`). */
const BOOLEAN_FIELDS = ['dryRun', 'skipInvalid', 'replace', 'repair', 'allowOutside'] as const;
const TEXT_FIELDS = ['collection', 'crs', 'format', 'encoding'] as const;
const FORM_FIELDS = new Set<string>([
  'file',
  'options',
  'mapping',
  ...BOOLEAN_FIELDS,
  ...TEXT_FIELDS,
]);

function formBoolean(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ValidationError(
    `表单字段 ${name} 须为 true 或 false。 Form field ${name} must be true or false.`,
    [{ path: name, message: 'must be true or false' }],
  );
}

function formJson(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ValidationError(
      `表单字段 ${name} 不是有效的 JSON。 Form field ${name} is not valid JSON.`,
      [{ path: name, message: 'is not valid JSON' }],
    );
  }
}

/** The options of an upload: the `options` JSON field, or one form field per option. */
export function optionsOfForm(form: FormData): ImportOptions {
  const unknown = [...form.keys()].filter((name) => !FORM_FIELDS.has(name));
  if (unknown.length) {
    throw new ValidationError(
      `未知的表单字段：${unknown.join(', ')}。 Unknown form fields: ${unknown.join(', ')}.`,
      unknown.map((path) => ({ path, message: 'unknown field' })),
    );
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const raw: Record<string, unknown> = {};
  const json = text('options');
  if (json !== undefined) Object.assign(raw, formJson('options', json));
  for (const name of TEXT_FIELDS) if (text(name) !== undefined) raw[name] = text(name);
  for (const name of BOOLEAN_FIELDS)
    if (text(name) !== undefined) raw[name] = formBoolean(name, text(name)!);
  const mapping = text('mapping');
  if (mapping !== undefined) raw.mapping = formJson('mapping', mapping);
  const parsed = ImportOptionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || 'options',
      message: issue.message,
    }));
    const where = issues.map((issue) => issue.path).join(', ');
    throw new ValidationError(
      `导入选项无效（${where}）。 The import options are not valid (${where}).`,
      issues,
    );
  }
  return parsed.data;
}

async function uploadOf(c: Context<AppEnv>): Promise<{ file: File; options: ImportOptions }> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) {
    throw new ValidationError(
      '请以 multipart/form-data 上传：file 字段为文件，其余为导入选项。 Send multipart/form-data: the file in the field `file`, the import options as the other fields.',
    );
  }
  const form = await c.req.formData();
  const file = form.get('file');
  const options = optionsOfForm(form);
  if (!(file instanceof File)) {
    throw new ValidationError(
      '缺少文件：请在 file 字段中上传。 No file: send it in the form field `file`.',
      [{ path: 'file', message: 'required' }],
    );
  }
  return { file, options };
}

/** A job as the history lists it (its problems are read with the job itself). */
const HistoryJobSchema = ImportJobSchema.omit({ problems: true });

function jobId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new ValidationError(`不是任务编号 Not a job id: ${value}.`);
  return Number(value);
}

/** `/api/v1/imports`: upload a file as an import job, follow it, read its preview and the history. */
export function importRoutes({ db, clock, queue }: ImportRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  async function jobOr404(id: number) {
    const job = queue.live(id) ?? (await queue.sweep().then(() => findImportJob(db, id)));
    if (!job) throw new NotFoundError(`没有编号为 ${id} 的导入任务。 No import job ${id}.`);
    return job;
  }

  routes.post('/imports', allow('admin:manage'), async (c) => {
    const { file, options } = await uploadOf(c);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const actor = actorName(requirePrincipal(c));
    const input = { bytes, fileName: file.name || 'upload', options, actor, now: clock.now() };
    const source = await readUpload(bytes, input).catch((error: unknown) => {
      if (!(error instanceof UnreadableFileError)) throw error;
      throw new ValidationError(`无法读取文件 The file cannot be read: ${error.message}`, [
        { path: 'file', message: error.message },
      ]);
    });
    const job = await queue.submit(input, options.dryRun ? source : null);
    await appendAudit(db, {
      at: input.now,
      actor,
      action: 'import.create',
      target: `import:${job.id}`,
      detail: { fileName: input.fileName, bytes: bytes.byteLength, options },
      ip: c.get('clientIp'),
    });
    c.header('Location', `/api/v1/imports/${job.id}`);
    return c.json(job, 202);
  });

  routes.get('/imports', allow('admin:manage'), async (c) => {
    const query = readQuery(c, ImportHistoryQuerySchema);
    await queue.sweep();
    const rows = await listImportJobs(db, { limit: query.limit + 1, before: query.before ?? null });
    const page = rows.slice(0, query.limit).map((job) => queue.live(job.id) ?? job);
    const next = rows.length > query.limit ? page[page.length - 1]!.id : null;
    return c.json({ jobs: page.map((job) => HistoryJobSchema.parse(job)), next });
  });

  routes.get('/imports/:id', allow('admin:manage'), async (c) =>
    c.json(await jobOr404(jobId(c.req.param('id')))),
  );

  routes.get('/imports/:id/preview', allow('admin:manage'), async (c) => {
    const job = await jobOr404(jobId(c.req.param('id')));
    if (!job.options.dryRun) {
      throw new NotFoundError(
        `任务 ${job.id} 不是试运行，没有预览。 Job ${job.id} is not a dry run: only dry runs keep a preview.`,
      );
    }
    if (job.status === 'queued' || job.status === 'running') {
      throw new ConflictError(
        `任务 ${job.id} 尚未完成，请稍后再取预览。 Job ${job.id} has not finished yet; fetch the preview when it has.`,
      );
    }
    const preview = await findImportPreview(db, job.id);
    if (!preview)
      throw new NotFoundError(
        `任务 ${job.id} 失败，没有预览。 Job ${job.id} failed: it has no preview.`,
      );
    return c.body(JSON.stringify(preview), 200, { 'Content-Type': 'application/geo+json' });
  });

  return routes;
}
