import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../api/contract/codes';
import { categoryDistanceM, DISTANCE_LIMITS_M } from '../../../api/contract/life-circle';
import {
  CIRCLE_LABELS,
  circleGroups,
  describeDistance,
  LEVEL_LABELS,
  LEVEL_MARKS,
  levelMark,
} from '../../domain/life-circle-labels';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';

/** Distances offered besides a typed one: the three circles and the 15-minute lower bound. */
const PRESETS_M = [300, 500, 800, 1000];

/** Props of {@link CategoryPicker}. */
export interface CategoryPickerProps {
  category: ServiceCategory;
  distance: number;
  onCategory: (category: ServiceCategory) => void;
  onDistance: (distance: number) => void;
}

const isCategory = (value: string): value is ServiceCategory =>
  (SERVICE_CATEGORIES as readonly string[]).includes(value);

/**
 * The category (grouped by circle, ● basic / ○ optional) and the walking distance, which
 * starts at the category's circle and may be set to any 50–3,000 m; minutes shown at 60 m/min.
 */
export function CategoryPicker({
  category,
  distance,
  onCategory,
  onDistance,
}: CategoryPickerProps) {
  const { t } = useLang();
  const standard = categoryDistanceM(category);
  const presets = [...new Set([...PRESETS_M, standard, distance])].sort((a, b) => a - b);
  return (
    <section className="planning__card category-picker" aria-label={t(PLANNING_TEXT.category)}>
      <label className="planning__field">
        <span className="planning__label">{t(PLANNING_TEXT.category)}</span>
        <select
          data-control="category"
          value={category}
          onChange={(e) => isCategory(e.target.value) && onCategory(e.target.value)}
        >
          {circleGroups().map((group) => (
            <optgroup
              key={group.circle}
              label={`${t(CIRCLE_LABELS[group.circle])} · ${group.distanceM} m`}
            >
              {group.categories.map((c) => (
                <option key={c} value={c}>
                  {levelMark(c)} {t(SERVICE_CATEGORY_LABELS[c])}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="planning__hint">
        {LEVEL_MARKS.basic} {t(LEVEL_LABELS.basic)} · {LEVEL_MARKS.optional}{' '}
        {t(LEVEL_LABELS.optional)}
      </p>
      <label className="planning__field">
        <span className="planning__label">{t(PLANNING_TEXT.distance)}</span>
        <select
          data-control="distance"
          value={distance}
          onChange={(e) => onDistance(Number(e.target.value))}
        >
          {presets
            .filter((m) => m >= DISTANCE_LIMITS_M.min && m <= DISTANCE_LIMITS_M.max)
            .map((m) => (
              <option key={m} value={m}>
                {t(describeDistance(m))}
                {m === standard ? t(PLANNING_TEXT.circleDefault) : ''}
              </option>
            ))}
        </select>
      </label>
    </section>
  );
}
