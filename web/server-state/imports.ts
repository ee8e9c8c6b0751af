import { queryOptions } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type ImportJob, ImportJobSchema, type ImportOptions } from '../../api/contract/imports';
import { importFormFields } from '../domain/import-form';
import { isFinished } from '../domain/import-review';
import { ErrorCodeSchema } from '../../api/contract/errors';
import { fetchJson, HttpError, isRecord } from './http';
import { queryKeys } from './query-keys';

const IMPORTS_PATH = '/api/v1/imports';

/** A job as the page reads it: a grid import carries its topology check (`topology`). */
const JobSchema = ImportJobSchema;
/** An import job, with the topology report of a grid import. */
export type ImportJobView = ImportJob;
/** How often a running job is asked for its progress (ms). */
export const IMPORT_POLL_MS = 500;

/** A job as the history lists it: what was loaded, by whom, when and with what result. */
export type ImportHistoryEntry = Pick<
  ImportJob,
  | 'id'
  | 'collection'
  | 'fileName'
  | 'options'
  | 'status'
  | 'counts'
  | 'actor'
  | 'createdAt'
  | 'finishedAt'
>;

const HistoryEntrySchema = ImportJobSchema.pick({
  id: true,
  collection: true,
  fileName: true,
  options: true,
  status: true,
  counts: true,
  actor: true,
  createdAt: true,
  finishedAt: true,
});

/** The API's `{ error: { code, message } }` of a refused upload, as an {@link HttpError}. */
async function uploadError(response: Response): Promise<HttpError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = ErrorCodeSchema.safeParse(error.code);
  return new HttpError(response.status, IMPORTS_PATH, {
    ...(code.success ? { code: code.data } : {}),
    ...(typeof error.message === 'string' ? { message: error.message } : {}),
  });
}

/**
 * `POST /api/v1/imports`: uploads the file with the options as multipart fields; the server
 * answers 202 with the queued job (a dry run when `options.dryRun`).
 */
export async function postImport(file: File, options: ImportOptions): Promise<ImportJobView> {
  const form = new FormData();
  for (const [name, value] of importFormFields(options)) form.append(name, value);
  form.append('file', file, file.name);
  const response = await fetch(IMPORTS_PATH, {
    method: 'POST',
    body: form,
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw await uploadError(response);
  return JobSchema.parse(await response.json());
}

/** Query options for one job, polled until it has finished. */
export function importJobQuery(id: number) {
  return queryOptions({
    queryKey: queryKeys.imports(id, 'job'),
    queryFn: async ({ signal }) =>
      JobSchema.parse(await fetchJson(`${IMPORTS_PATH}/${id}`, { signal })),
    refetchInterval: (query) =>
      query.state.data && isFinished(query.state.data.status) ? false : IMPORT_POLL_MS,
  });
}

/** A dry run's features in WGS84, as `GET /api/v1/imports/{id}/preview` sends them. */
export type PreviewFeatures = Feature<Geometry | null, Record<string, unknown> | null>[];

function parsePreview(body: unknown): PreviewFeatures {
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new TypeError('import preview: not a GeoJSON FeatureCollection');
  }
  return (body as unknown as FeatureCollection<Geometry | null>).features;
}

/** Query options for a finished dry run's preview features (they never change). */
export function importPreviewQuery(id: number) {
  return queryOptions({
    queryKey: queryKeys.imports(id, 'preview'),
    queryFn: async ({ signal }) =>
      parsePreview(
        await fetchJson(`${IMPORTS_PATH}/${id}/preview`, {
          signal,
          accept: 'application/geo+json, application/json',
        }),
      ),
    staleTime: Infinity,
  });
}

/** The history's entries from a page that is a list or wraps one (`items`, `jobs`, `data`). */
export function parseHistory(body: unknown): ImportHistoryEntry[] {
  const list = Array.isArray(body)
    ? body
    : isRecord(body)
      ? [body.items, body.jobs, body.data].find(Array.isArray)
      : undefined;
  if (!list) throw new TypeError('import history: no list of jobs');
  return list.flatMap((item: unknown) => {
    const entry = HistoryEntrySchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

/** Query options for the import history, newest first as the server sends it. */
export function importHistoryQuery() {
  return queryOptions({
    queryKey: queryKeys.imports(),
    queryFn: async ({ signal }) => parseHistory(await fetchJson(IMPORTS_PATH, { signal })),
  });
}
