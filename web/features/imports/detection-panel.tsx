import type { ImportCollection, ImportDetection } from '../../../api/contract/imports';
import { formatCount } from '../../domain/format';
import { ENCODING_LABELS, FILE_CRS_LABELS, IMPORT_FORMAT_LABELS } from '../../domain/import-labels';
import type { LabelPair } from '../../domain/label-pair';
import { Bilingual } from './bilingual-text';
import { IMPORT_TEXT } from './import-text';
import { MappingTable } from './mapping-table';

function Fact({ label, value, testId }: { label: LabelPair; value: string; testId: string }) {
  return (
    <div className="imports-facts__item">
      <dt>
        <Bilingual pair={label} />
      </dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Props of {@link DetectionPanel}. */
export interface DetectionPanelProps {
  collection: ImportCollection;
  detection: ImportDetection;
  /** The admin's own mapping choices, which win over the detected ones. */
  overrides: Record<string, string>;
  onMap: (source: string, target: string) => void;
}

/** What the dry run read from the file: format, encoding, CRS, feature count and the mapping. */
export function DetectionPanel({ collection, detection, overrides, onMap }: DetectionPanelProps) {
  const encoding = detection.encoding ? ENCODING_LABELS[detection.encoding].zh : '—';
  const crs = FILE_CRS_LABELS[detection.crs];
  return (
    <section className="imports-panel" aria-label="识别结果 Detected">
      <h2>
        <Bilingual pair={IMPORT_TEXT.detected} />
      </h2>
      <dl className="imports-facts">
        <Fact
          label={IMPORT_TEXT.format}
          value={IMPORT_FORMAT_LABELS[detection.format].zh}
          testId="import-format"
        />
        <Fact label={IMPORT_TEXT.encoding} value={encoding} testId="import-encoding" />
        <Fact label={IMPORT_TEXT.crs} value={crs.zh} testId="import-crs" />
        <Fact
          label={IMPORT_TEXT.declaredCrs}
          value={detection.declaredCrs ?? IMPORT_TEXT.none.zh}
          testId="import-declared-crs"
        />
        <Fact
          label={IMPORT_TEXT.featureCount}
          value={formatCount(detection.featureCount)}
          testId="import-feature-count"
        />
      </dl>
      <MappingTable
        collection={collection}
        detection={detection}
        overrides={overrides}
        onMap={onMap}
      />
    </section>
  );
}
