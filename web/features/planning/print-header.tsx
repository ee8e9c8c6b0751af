import { chinaClockTime, chinaDateParts } from '../../../api/contract/china-time';
import type { ServiceCategory } from '../../../api/contract/codes';
import { describeDistance } from '../../domain/life-circle-labels';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';
import type { PrintSnapshot } from './use-print';

/** Props of {@link PrintHeader}. */
export interface PrintHeaderProps {
  snapshot: PrintSnapshot | null;
  districtName: string;
  areaName: string;
  category: ServiceCategory;
  distance: number;
}

/**
 * The top of the printed page (hidden on screen): what was analysed, where and when, and the
 * picture of the map taken as 打印 was pressed.
 */
export function PrintHeader({
  snapshot,
  districtName,
  areaName,
  category,
  distance,
}: PrintHeaderProps) {
  const { t } = useLang();
  if (!snapshot) return null;
  const { year, month, day } = chinaDateParts(snapshot.at);
  const at = `${year}/${month}/${day} ${chinaClockTime(snapshot.at)}`;
  return (
    <section className="planning-print" aria-hidden="true">
      <h1 className="planning-print__title">
        {districtName} · {t(PLANNING_TEXT.title)}
      </h1>
      <p className="planning-print__meta">
        {areaName} · {t(SERVICE_CATEGORY_LABELS[category])} · {t(describeDistance(distance))} ·{' '}
        {t(PLANNING_TEXT.printedAt)} {at}
      </p>
      {snapshot.image && <img className="planning-print__map" src={snapshot.image} alt="" />}
    </section>
  );
}
