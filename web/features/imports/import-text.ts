import type { LabelPair } from '../../domain/label-pair';

/** Every fixed text of the import page, Chinese first. */
export const IMPORT_TEXT = {
  title: { zh: '数据导入', en: 'Data import' },
  back: { zh: '返回指挥大屏', en: 'Back to the wall screen' },
  dropHint: {
    zh: '将文件拖到这里，或',
    en: 'Drop a file here, or',
  },
  chooseFile: { zh: '选择文件', en: 'Choose a file' },
  formats: {
    zh: '支持 GeoJSON、CSV（经纬度或 WKT）、Shapefile（zip）、GeoPackage',
    en: 'GeoJSON, CSV (lng/lat or WKT), zipped Shapefile, GeoPackage',
  },
  layer: { zh: '图层', en: 'Layer' },
  crs: { zh: '坐标系', en: 'Coordinate system' },
  encoding: { zh: '编码', en: 'Encoding' },
  skipInvalid: { zh: '跳过无效行', en: 'Skip invalid rows' },
  replace: { zh: '替换整层', en: 'Replace the whole layer' },
  repair: { zh: '修复几何', en: 'Repair geometries' },
  allowOutside: { zh: '允许辖区外要素', en: 'Allow features outside the district' },
  checking: { zh: '正在检查文件（试运行）…', en: 'Checking the file (dry run)…' },
  detected: { zh: '识别结果', en: 'Detected' },
  format: { zh: '格式', en: 'Format' },
  declaredCrs: { zh: '文件声明坐标系', en: 'Declared by the file' },
  none: { zh: '无', en: 'none' },
  featureCount: { zh: '要素数', en: 'Features' },
  mapping: { zh: '字段对应', en: 'Field mapping' },
  sourceField: { zh: '文件字段', en: 'Source field' },
  ourField: { zh: '系统字段', en: 'Our field' },
  notImported: { zh: '（不导入）', en: '(not imported)' },
  problems: { zh: '校验结果', en: 'Validation' },
  noProblems: { zh: '未发现问题', en: 'No problems found' },
  place: { zh: '位置', en: 'Where' },
  field: { zh: '字段', en: 'Field' },
  message: { zh: '说明', en: 'Message' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  severity: { zh: '级别', en: 'Severity' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  confirm: { zh: '确认导入', en: 'Confirm' },
  blockedByErrors: {
    zh: '存在错误，不能导入。请修正文件，或勾选“跳过无效行”。',
    en: 'The file has errors. Fix it, or tick "Skip invalid rows".',
  },
  blockedEmpty: { zh: '文件中没有要素。', en: 'The file has no features.' },
  blockedFailed: { zh: '文件无法读取，不能导入。', en: 'The file could not be read.' },
  progress: { zh: '导入进度', en: 'Progress' },
  result: { zh: '导入结果', en: 'Result' },
  topology: { zh: '网格拓扑检查', en: 'Grid topology check' },
  topologyClean: {
    zh: '全覆盖、无缝隙、不重叠',
    en: 'Full coverage, no gaps, no overlaps',
  },
  history: { zh: '导入记录', en: 'Import history' },
  historyEmpty: { zh: '暂无导入记录', en: 'No imports yet' },
  who: { zh: '操作人', en: 'Who' },
  when: { zh: '时间', en: 'When' },
  file: { zh: '文件', en: 'File' },
  status: { zh: '状态', en: 'Status' },
  counts: { zh: '数量', en: 'Counts' },
  previewMap: { zh: '预览地图', en: 'Preview map' },
  previewLegend: { zh: '待导入要素', en: 'Features to import' },
  existingLegend: { zh: '现有图层', en: 'Existing layer' },
  errorPrefix: { zh: '出错：', en: 'Error: ' },
} as const satisfies Record<string, LabelPair>;

/** A label pair as one line: Chinese, then English in a dimmer span. */
export function bilingual(pair: LabelPair): string {
  return `${pair.zh} ${pair.en}`;
}
