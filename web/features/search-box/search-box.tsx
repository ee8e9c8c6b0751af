import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useDeferredValue, useId, useMemo, useState } from 'react';
import { addressSearchQuery } from '../../server-state/address-search';
import { roadSearchQuery } from '../../server-state/road-search';
import type { LabelPair } from '../../domain/label-pair';
import {
  type SearchHit,
  type SearchHitKind,
  type SearchIndex,
  type SearchPlace,
  searchWall,
  summariseRoads,
} from '../../domain/search';
import { useLang } from '../../ui/lang';
import './search-box.css';

const PLACEHOLDER: LabelPair = {
  zh: '搜索事件编号、地址、网格、地点…',
  en: 'Search code, address, grid, place…',
};
const NO_MATCHES: LabelPair = { zh: '无匹配结果', en: 'No matches' };
const SEARCH: LabelPair = { zh: '搜索', en: 'Search' };

/** The badge of each kind of hit. */
export const HIT_KIND_LABELS: Record<SearchHitKind, LabelPair> = {
  incident: { zh: '事件', en: 'Incident' },
  grid: { zh: '网格', en: 'Grid' },
  camera: { zh: '摄像头', en: 'Camera' },
  servicePoint: { zh: '服务点', en: 'Service' },
  place: { zh: '地点', en: 'Place' },
  road: { zh: '道路', en: 'Road' },
};

/**
 * The streets whose roads the caller may search: each place's street (a community's is its
 * code's first nine digits), named by the street, or by the community when only it is known.
 */
function streetsOf(places: readonly SearchPlace[]): Map<string, string> {
  const streets = new Map<string, string>();
  for (const p of places) {
    const code = p.level === 'street' ? p.code : `${p.code.slice(0, 9)}000`;
    if (p.level === 'street' || !streets.has(code)) streets.set(code, p.name);
  }
  return streets;
}

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  index: SearchIndex;
  /** Called with the chosen hit; the wall flies there or opens it. */
  onPick: (hit: SearchHit) => void;
}

function HitList(props: {
  id: string;
  hits: readonly SearchHit[];
  active: number;
  onPick: (hit: SearchHit) => void;
}) {
  const { t } = useLang();
  if (props.hits.length === 0) return <p className="search-box__empty">{t(NO_MATCHES)}</p>;
  return (
    <ul className="search-box__hits" role="listbox" id={props.id}>
      {props.hits.map((hit, i) => (
        <li
          key={`${hit.kind}-${hit.id}`}
          id={`${props.id}-${i}`}
          role="option"
          aria-selected={i === props.active}
          className="search-box__hit"
          data-search-hit={hit.kind}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onPick(hit)}
        >
          <span className={`search-box__kind search-box__kind--${hit.kind}`}>
            {t(HIT_KIND_LABELS[hit.kind])}
          </span>
          <span className="search-box__text">
            <span className="search-box__label">{hit.label}</span>
            {hit.detail !== hit.label && hit.detail !== '' && (
              <span className="search-box__detail">{hit.detail}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The wall's search: incident codes, grids, cameras, service points and street or community
 * names among what the wall has loaded; road names and incident addresses on the server. Hits
 * show their whole name and code, wrapped. ↑ ↓ move through the hits, Enter picks, Esc closes
 * the list (and a second Esc clears the text).
 */
export function SearchBox({ index, onPick }: SearchBoxProps) {
  const { t } = useLang();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Roads and addresses live on the server: asked for as typing pauses (a deferred value).
  const asked = useDeferredValue(query);
  const addresses = useQuery(addressSearchQuery(asked));
  const segments = useQuery(roadSearchQuery(asked));
  const streets = useMemo(() => streetsOf(index.places), [index.places]);
  const roads = useMemo(
    () => summariseRoads(segments.data ?? [], streets),
    [segments.data, streets],
  );
  const local = useMemo(() => searchWall(query, { ...index, roads }), [query, index, roads]);
  const hits = useMemo(() => mergeHits(local, addresses.data ?? []), [local, addresses.data]);
  const shown = open && query.trim() !== '';
  const current = Math.min(active, hits.length - 1);
  const pick = (hit: SearchHit) => {
    onPick(hit);
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0 && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((current + move + hits.length) % hits.length);
    } else if (event.key === 'Enter' && shown && hits[current]) {
      event.preventDefault();
      pick(hits[current]);
    } else if (event.key === 'Escape' && (shown || query !== '')) {
      event.stopPropagation();
      if (shown) setOpen(false);
      else setQuery('');
    }
  };
  return (
    <div className="search-box">
      <input
        className="search-box__input"
        type="search"
        role="combobox"
        aria-label={t(SEARCH)}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && current >= 0 ? `${listId}-${current}` : undefined}
        placeholder={t(PLACEHOLDER)}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && <HitList id={listId} hits={hits} active={current} onPick={pick} />}
    </div>
  );
}

/** The local hits, then the server's address hits for incidents not already among them. */
function mergeHits(local: SearchHit[], addresses: SearchHit[]): SearchHit[] {
  const seen = new Set(local.map((hit) => `${hit.kind}-${hit.id}`));
  return [...local, ...addresses.filter((hit) => !seen.has(`${hit.kind}-${hit.id}`))];
}
