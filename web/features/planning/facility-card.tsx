import type { ReactNode } from 'react';
import type { DraftFacility } from '../../domain/scenario-draft';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

const STATUS_LABELS = {
  existing: PLANNING_TEXT.facilityExisting,
  moved: PLANNING_TEXT.facilityMoved,
  added: PLANNING_TEXT.facilityAdded,
};

/** Props of {@link FacilityCard}. */
export interface FacilityCardProps {
  facility: DraftFacility;
  onRemove: () => void;
  onClose: () => void;
  /** The reach query's state line (computing, or its error). */
  children?: ReactNode;
}

/**
 * The clicked facility, over the map's corner: its name, category and scenario status, its
 * walking reach drawn on the map, and a button to remove it from the scenario.
 */
export function FacilityCard({ facility, onRemove, onClose, children }: FacilityCardProps) {
  const { t } = useLang();
  return (
    <aside className="facility-card" data-facility={facility.key} aria-label={facility.name}>
      <header className="facility-card__head">
        <strong className="facility-card__name">{facility.name}</strong>
        <button
          type="button"
          className="facility-card__close"
          aria-label={t(PLANNING_TEXT.close)}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="facility-card__meta">
        {t(SERVICE_CATEGORY_LABELS[facility.category])} · {t(STATUS_LABELS[facility.status])}
        {facility.code && <span className="planning__code"> · {facility.code}</span>}
      </p>
      <p className="facility-card__meta">{t(PLANNING_TEXT.showReach)}</p>
      {children}
      <button
        type="button"
        className="planning__danger"
        data-action="remove-facility"
        onClick={onRemove}
      >
        {t(PLANNING_TEXT.opRemove)}
      </button>
    </aside>
  );
}
