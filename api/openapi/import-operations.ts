import { z } from 'zod';
import {
  FILE_CRS,
  IMPORT_COLLECTIONS,
  IMPORT_FORMATS,
  ImportJobSchema,
  TEXT_ENCODINGS,
} from '../contract/imports';
import { queryNumber } from '../contract/query';
import type { ApiOperation } from './operation';

/** A page of the import history, newest first. */
export const ImportHistorySchema = z.object({
  jobs: z.array(ImportJobSchema.omit({ problems: true })),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().int().nullable(),
});

export const ImportHistoryQuerySchema = z.object({
  limit: queryNumber(z.number().int().min(1).max(100)).default(20),
  before: queryNumber(z.number().int().min(1)).optional(),
});

const flag = (zh: string, en: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: `${zh} ${en}` });

/** The multipart form of an upload: the file, then the options as fields (or as JSON in `options`). */
const ImportUploadSchema = z.object({
  file: z.string().meta({ format: 'binary', description: '源文件 The source file' }),
  options: z.string().optional().meta({
    description:
      '全部导入选项的 JSON（与单独字段二选一或合并，单独字段优先）。 All import options as JSON (fields given separately win).',
  }),
  collection: z.enum(IMPORT_COLLECTIONS).optional(),
  crs: z.enum(FILE_CRS).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  mapping: z.string().optional().meta({
    description: '字段映射 JSON：源字段 → 我们的字段。 Field mapping as JSON: source field → ours.',
  }),
  dryRun: flag('试运行：只校验与预览，不写入。', 'Dry run: check and preview, write nothing.'),
  skipInvalid: flag('跳过无效行。', 'Import the valid rows, report the rest.'),
  replace: flag('使图层与文件完全一致。', 'Make the layer match the file exactly.'),
  repair: flag('用 ST_MakeValid 修复几何。', 'Repair invalid geometries with ST_MakeValid.'),
  allowOutside: flag(
    '允许辖区外要素（警告）。',
    'Accept features outside the district (warnings).',
  ),
});

const IdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/)
    .meta({ description: '导入任务编号 Import job id' }),
});

const FeatureCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({})) })
  .meta({ description: 'GeoJSON FeatureCollection (RFC 7946)' });

/** `/api/v1/imports` (api/routes/imports.ts). */
export const IMPORT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'POST',
    path: '/api/v1/imports',
    operationId: 'createImport',
    tag: 'imports',
    permission: 'admin:manage',
    summary: { zh: '上传文件并导入', en: 'Upload a file to import' },
    description: {
      zh: 'multipart/form-data：file 为文件，导入选项为其余字段（或 options 字段中的 JSON）。导入作为任务在后台运行（每个实例一次一个，其余排队），答复 202 与任务；用 Location 跟踪进度。文件无法读取时答复 400，不建任务。上传上限默认 200 MB，超过答复 413。操作写入审计日志。',
      en: 'multipart/form-data: the file in `file`, the import options as the other fields (or as JSON in `options`). The import runs as a background job (one at a time per instance, the rest queued); the answer is 202 with the job, followed at its Location. An unreadable file is refused with 400 and no job. Uploads are limited to 200 MB by default (413 above). The upload is audited.',
    },
    body: ImportUploadSchema,
    bodyContentType: 'multipart/form-data',
    responses: [
      {
        status: 202,
        description: { zh: '已排队', en: 'Queued' },
        schema: ImportJobSchema,
        headers: { Location: { description: 'The job', schema: z.string() } },
      },
    ],
    errors: [413],
  },
  {
    method: 'GET',
    path: '/api/v1/imports',
    operationId: 'listImports',
    tag: 'imports',
    permission: 'admin:manage',
    summary: { zh: '导入历史', en: 'Import history' },
    description: {
      zh: '最新在前：谁、何时、什么文件、计数与状态。用 next 作为 before 取下一页。',
      en: 'Newest first: who, when, which file, counts and status. Pass `next` as `before` for the next page.',
    },
    query: ImportHistoryQuerySchema,
    responses: [
      { status: 200, description: { zh: '一页历史', en: 'A page' }, schema: ImportHistorySchema },
    ],
  },
  {
    method: 'GET',
    path: '/api/v1/imports/:id',
    operationId: 'getImport',
    tag: 'imports',
    permission: 'admin:manage',
    summary: { zh: '导入任务', en: 'An import job' },
    description: {
      zh: '状态、进度（阶段/已完成/总数）、检测结果、计数与问题（前 1000 条）。',
      en: 'Status, progress (stage/done/total), detection, counts and problems (the first 1,000).',
    },
    params: IdParams,
    responses: [
      { status: 200, description: { zh: '任务', en: 'The job' }, schema: ImportJobSchema },
    ],
    errors: [404],
  },
  {
    method: 'GET',
    path: '/api/v1/imports/:id/preview',
    operationId: 'getImportPreview',
    tag: 'imports',
    permission: 'admin:manage',
    summary: { zh: '试运行预览', en: 'Preview of a dry run' },
    description: {
      zh: '试运行读到的要素（转换为 WGS84，最多 5000 个），每个带 problems（问题数）。只有试运行保留预览；未完成时答复 409。',
      en: 'The features a dry run read, converted to WGS84 (up to 5,000), each with `problems` (its problem count). Only dry runs keep a preview; 409 until the job has finished.',
    },
    params: IdParams,
    responses: [
      {
        status: 200,
        description: { zh: '要素集', en: 'Feature collection' },
        schema: FeatureCollectionSchema,
        contentType: 'application/geo+json',
      },
    ],
    errors: [404, 409],
  },
];
