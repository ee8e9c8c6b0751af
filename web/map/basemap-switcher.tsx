import { useQuery } from '@tanstack/react-query';
import type { StyleListing, StyleName } from '../../api/styles/catalog';
import type { LabelPair } from '../domain/label-pair';
import { useLang } from '../ui/lang';
import { chooseBasemap, useChosenStyle } from './basemap-choice';
import { MAP_STYLE, styleListQuery } from './map-style';
import './basemap-switcher.css';

const TITLE: LabelPair = { zh: '底图', en: 'Basemap' };

/** Short names of our own styles; a custom style is named by its configured title. */
const NAMES: Record<Exclude<StyleName, 'custom'>, LabelPair> = {
  dark: { zh: '暗色', en: 'Dark' },
  light: { zh: '浅色', en: 'Light' },
  tianditu: { zh: '天地图', en: 'Tianditu' },
};

function nameOf(row: StyleListing, t: (pair: LabelPair) => string): string {
  return row.id === 'custom' ? row.title : t(NAMES[row.id]);
}

/** Props of {@link BasemapSwitcher}. */
export interface BasemapSwitcherProps {
  /** The map's own style, shown when nothing else is chosen (the wall's dark one). */
  fallback?: StyleName;
}

/**
 * Chooses the map's basemap (底图) among those the server offers (`GET /styles`): our offline
 * style, Tianditu and a configured custom style. The choice is remembered by this browser;
 * our grids, points and boundaries stay drawn over any of them. Hidden when only our own
 * styles are offered.
 */
export function BasemapSwitcher({ fallback = MAP_STYLE }: BasemapSwitcherProps) {
  const { t } = useLang();
  const list = useQuery(styleListQuery());
  const current = useChosenStyle(fallback, true);
  const rows = (list.data ?? []).filter((row) => row.id === fallback || row.id !== 'light');
  if (!rows.some((row) => row.id === 'tianditu' || row.id === 'custom')) return null;
  return (
    <label className="basemap-switcher">
      <span className="basemap-switcher__label">{t(TITLE)}</span>
      <select
        className="basemap-switcher__select"
        value={current}
        data-basemap-switcher=""
        onChange={(event) => {
          const id = event.target.value as StyleName;
          chooseBasemap(id === fallback ? null : id);
        }}
      >
        {rows.map((row) => (
          <option key={row.id} value={row.id}>
            {nameOf(row, t)}
          </option>
        ))}
      </select>
    </label>
  );
}
