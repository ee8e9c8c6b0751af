import type { ReactNode } from 'react';
import type { Me } from '../../server-state/auth';
import type { StreetOption } from '../../domain/wall-places';
import { useLang } from '../../ui/lang';
import { UserBadge } from '../user-badge/user-badge';
import { PLANNING_TEXT } from './planning-text';

/** Props of {@link PlanningHeader}. */
export interface PlanningHeaderProps {
  me: Me;
  districtName: string;
  streets: readonly StreetOption[];
  area: string | null;
  onArea: (area: string | null) => void;
  /** The export and print buttons. */
  children: ReactNode;
}

/** The area selector: the caller's whole scope, a street, or one of its communities. */
function AreaSelect({
  streets,
  area,
  onArea,
}: Pick<PlanningHeaderProps, 'streets' | 'area' | 'onArea'>) {
  const { t } = useLang();
  return (
    <label className="planning__field planning__field--inline">
      <span className="planning__label">{t(PLANNING_TEXT.area)}</span>
      <select
        data-control="area"
        value={area ?? ''}
        onChange={(e) => onArea(e.target.value || null)}
      >
        <option value="">{t(PLANNING_TEXT.wholeScope)}</option>
        {streets.map((street) => (
          <optgroup key={street.code} label={street.name}>
            <option value={street.code}>{street.name}</option>
            {street.communities.map((c) => (
              <option key={c.code} value={c.code}>
                {'　'}
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/**
 * The planner's top bar: district and title, the area, exports and print, the wall screen's
 * link for those who may see it, the language switch and who is signed in.
 */
export function PlanningHeader({ me, districtName, children, ...area }: PlanningHeaderProps) {
  const { t, lang, setLang } = useLang();
  return (
    <header className="planning-header">
      <div className="planning-header__brand">
        <h1 className="planning-header__district">{districtName}</h1>
        <span className="planning-header__title">{t(PLANNING_TEXT.title)}</span>
      </div>
      <AreaSelect {...area} />
      <div className="planning-header__tools">{children}</div>
      {me.permissions.includes('incidents:read') && (
        <a className="planning__link" href="/">
          {t(PLANNING_TEXT.wall)}
        </a>
      )}
      <button
        type="button"
        className="planning-header__lang"
        aria-label="切换语言 Switch language"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {lang === 'zh' ? 'EN' : '中文'}
      </button>
      <UserBadge me={me} />
    </header>
  );
}
