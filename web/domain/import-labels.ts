import type {
  FileCrs,
  ImportCollection,
  ImportFormat,
  ImportStatus,
  TextEncoding,
} from '../../api/contract/imports';
import type { LabelPair } from './label-pair';

/** The layers an admin can load, as the OGC collections title them (water has no collection). */
export const IMPORT_COLLECTION_LABELS: Readonly<Record<ImportCollection, LabelPair>> = {
  'admin-areas': { zh: '行政区划', en: 'Admin areas' },
  grids: { zh: '网格', en: 'Grids' },
  members: { zh: '网格员', en: 'Grid members' },
  cameras: { zh: '视频监控', en: 'Cameras' },
  'service-points': { zh: '生活圈服务点', en: 'Service points' },
  buildings: { zh: '建筑', en: 'Buildings' },
  roads: { zh: '道路', en: 'Roads' },
  water: { zh: '水系', en: 'Water' },
};

/** Source coordinate systems, named as the people who collected the data know them. */
export const FILE_CRS_LABELS: Readonly<Record<FileCrs, LabelPair>> = {
  wgs84: { zh: 'WGS84（GPS）', en: 'WGS84 (GPS)' },
  cgcs2000: { zh: 'CGCS2000（国家2000）', en: 'CGCS2000' },
  gcj02: { zh: 'GCJ-02 高德/腾讯', en: 'GCJ-02 (Gaode, Tencent)' },
  bd09: { zh: 'BD-09 百度', en: 'BD-09 (Baidu)' },
};

export const ENCODING_LABELS: Readonly<Record<TextEncoding | 'auto', LabelPair>> = {
  auto: { zh: '自动识别', en: 'Detect' },
  'utf-8': { zh: 'UTF-8', en: 'UTF-8' },
  gbk: { zh: 'GBK（旧版 Excel）', en: 'GBK (older Excel)' },
};

export const IMPORT_FORMAT_LABELS: Readonly<Record<ImportFormat, LabelPair>> = {
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  csv: { zh: 'CSV 表格', en: 'CSV' },
  shp: { zh: 'Shapefile（zip）', en: 'Shapefile (zip)' },
  gpkg: { zh: 'GeoPackage', en: 'GeoPackage' },
};

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, LabelPair>> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '进行中', en: 'Running' },
  succeeded: { zh: '成功', en: 'Succeeded' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  failed: { zh: '失败', en: 'Failed' },
};

/** The result counts of a job, in the order the page shows them. */
export const IMPORT_COUNT_LABELS = {
  read: { zh: '读取', en: 'Read' },
  inserted: { zh: '新增', en: 'Inserted' },
  updated: { zh: '更新', en: 'Updated' },
  unchanged: { zh: '未变', en: 'Unchanged' },
  deleted: { zh: '删除', en: 'Deleted' },
  skipped: { zh: '跳过', en: 'Skipped' },
} as const satisfies Record<string, LabelPair>;

/** The stages a job reports in its progress (any other stage shows as sent). */
export const IMPORT_STAGE_LABELS: Readonly<Record<string, LabelPair>> = {
  queued: { zh: '排队', en: 'queued' },
  reading: { zh: '读取文件', en: 'reading' },
  checking: { zh: '校验', en: 'checking' },
  writing: { zh: '写入', en: 'writing' },
  topology: { zh: '拓扑检查', en: 'topology check' },
  done: { zh: '完成', en: 'done' },
};
