import type { ImportCounts } from '../../../api/contract/imports';
import type { GridQualityReport } from '../../../api/contract/quality';
import { formatCount } from '../../domain/format';
import { IMPORT_COUNT_LABELS } from '../../domain/import-labels';
import { Bilingual } from './bilingual-text';
import { IMPORT_TEXT } from './import-text';

const COUNT_NAMES = Object.keys(IMPORT_COUNT_LABELS) as (keyof typeof IMPORT_COUNT_LABELS)[];

/** The counts of a finished job: read, inserted, updated, unchanged, deleted, skipped. */
export function ImportCountsList({ counts }: { counts: ImportCounts }) {
  return (
    <dl className="imports-facts imports-counts" data-testid="import-counts">
      {COUNT_NAMES.map((name) => (
        <div key={name} className="imports-facts__item" data-count={name}>
          <dt>
            <Bilingual pair={IMPORT_COUNT_LABELS[name]} />
          </dt>
          <dd>{formatCount(counts[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The grid topology check that ran after a grid import: clean, or how much was found. */
export function TopologySummary({ report }: { report: GridQualityReport }) {
  return (
    <div className="imports-topology" data-testid="import-topology">
      <h3>
        <Bilingual pair={IMPORT_TEXT.topology} />
      </h3>
      {report.clean ? (
        <p className="imports__ok">
          <Bilingual pair={IMPORT_TEXT.topologyClean} />
        </p>
      ) : (
        <ul>
          <li>缝隙 Gaps: {report.gaps.length}</li>
          <li>重叠 Overlaps: {report.overlaps.length}</li>
          <li>越出社区 Outside the community: {report.outside.length}</li>
          <li>建筑不在网格或跨网格 Buildings in no grid or two: {report.buildings.length}</li>
        </ul>
      )}
    </div>
  );
}
