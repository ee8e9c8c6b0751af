import type { ScenarioChange } from '../../../api/contract/analysis';
import type { LabelPair } from '../../domain/label-pair';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import type { ServicePoint } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

const OP_LABELS: Record<ScenarioChange['op'], LabelPair> = {
  add: PLANNING_TEXT.opAdd,
  move: PLANNING_TEXT.opMove,
  remove: PLANNING_TEXT.opRemove,
};

/** What a change is about: the new facility's category and name, or the existing one's name. */
function subjectOf(
  change: ScenarioChange,
  pointsByCode: ReadonlyMap<string, ServicePoint>,
  t: (pair: LabelPair) => string,
): string {
  if (change.op === 'add') {
    const category = t(SERVICE_CATEGORY_LABELS[change.category]);
    return change.name ? `${category} · ${change.name}` : category;
  }
  return pointsByCode.get(change.code)?.name ?? change.code;
}

/** Props of {@link ChangeList}. */
export interface ChangeListProps {
  changes: readonly ScenarioChange[];
  pointsByCode: ReadonlyMap<string, ServicePoint>;
  onDrop: (index: number) => void;
}

/** The scenario's changes in order, each with its place and a button to take it out. */
export function ChangeList({ changes, pointsByCode, onDrop }: ChangeListProps) {
  const { t } = useLang();
  if (changes.length === 0) return <p className="planning__hint">{t(PLANNING_TEXT.noChanges)}</p>;
  return (
    <ol className="change-list">
      {changes.map((change, index) => (
        <li
          key={`${index}-${change.op}`}
          className={`change-list__item change-list__item--${change.op}`}
          data-change-index={index}
          data-op={change.op}
          data-lng={'lng' in change ? change.lng : undefined}
          data-lat={'lat' in change ? change.lat : undefined}
        >
          <span className="change-list__op">{t(OP_LABELS[change.op])}</span>
          <span className="change-list__subject">{subjectOf(change, pointsByCode, t)}</span>
          {'lng' in change && (
            <span className="change-list__at">
              {change.lng.toFixed(5)}, {change.lat.toFixed(5)}
            </span>
          )}
          <button
            type="button"
            className="change-list__drop"
            aria-label={t(PLANNING_TEXT.dropChange)}
            title={t(PLANNING_TEXT.dropChange)}
            onClick={() => onDrop(index)}
          >
            ×
          </button>
        </li>
      ))}
    </ol>
  );
}
