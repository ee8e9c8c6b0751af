import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../../api/contract/codes';
import {
  ALL_CATEGORIES,
  STATUS_FILTER_LABELS,
  WHOLE_SCOPE,
  WINDOW_LABELS,
} from '../../domain/filter-labels';
import { CATEGORY_LABELS } from '../../domain/labels';
import {
  STATUS_FILTERS,
  type StatusFilter,
  TIME_WINDOWS,
  type TimeWindow,
  type WallFilter,
} from '../../domain/wall-filter';
import type { StreetOption } from '../../domain/wall-places';
import { useLang } from '../../ui/lang';
import './filter-bar.css';

/**
 * The filters the map, the feed and the charts all follow: area (street or community),
 * category, status and time window. Changes apply at once.
 */
export function FilterBar({
  filter,
  areas,
  onChange,
}: {
  filter: WallFilter;
  areas: readonly StreetOption[];
  onChange: (filter: WallFilter) => void;
}) {
  const { t } = useLang();
  const category = filter.categories[0] ?? '';
  return (
    <div className="filter-bar" role="toolbar" aria-label={t({ zh: '筛选', en: 'Filters' })}>
      <select
        className="filter-bar__select"
        data-filter="area"
        value={filter.areaCode ?? ''}
        onChange={(e) => onChange({ ...filter, areaCode: e.target.value || null })}
      >
        <option value="">{t(WHOLE_SCOPE)}</option>
        {areas.map((street) => (
          <optgroup key={street.code} label={street.name}>
            <option value={street.code}>{street.name}</option>
            {street.communities.map((c) => (
              <option key={c.code} value={c.code}>
                {`· ${c.name}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select
        className="filter-bar__select"
        data-filter="category"
        value={category}
        onChange={(e) =>
          onChange({
            ...filter,
            categories: e.target.value ? [e.target.value as IncidentCategory] : [],
          })
        }
      >
        <option value="">{t(ALL_CATEGORIES)}</option>
        {INCIDENT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(CATEGORY_LABELS[c])}
          </option>
        ))}
      </select>
      <div className="filter-bar__group" data-filter="status">
        {STATUS_FILTERS.map((s: StatusFilter) => (
          <button
            key={s}
            type="button"
            className="filter-bar__chip"
            aria-pressed={filter.status === s}
            onClick={() => onChange({ ...filter, status: s })}
          >
            {t(STATUS_FILTER_LABELS[s])}
          </button>
        ))}
      </div>
      <div className="filter-bar__group" data-filter="window">
        {TIME_WINDOWS.map((w: TimeWindow) => (
          <button
            key={w}
            type="button"
            className="filter-bar__chip"
            aria-pressed={filter.window === w}
            onClick={() => onChange({ ...filter, window: w })}
          >
            {t(WINDOW_LABELS[w])}
          </button>
        ))}
      </div>
    </div>
  );
}
