import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { StyleName } from '../../api/styles/catalog';
import { mapCrsOf, type MapCrs } from '../domain/map-crs';
import { mapStyleQuery, STYLE_NAMES, styleListQuery } from './map-style';

/** Where the browser remembers the chosen basemap. */
const STORAGE_KEY = 'yiping.basemap';

const listeners = new Set<() => void>();

function readChoice(): StyleName | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return STYLE_NAMES.find((name) => name === value) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `name` as this browser's basemap (null: back to the map's default). */
export function chooseBasemap(name: StyleName | null): void {
  try {
    if (name) window.localStorage.setItem(STORAGE_KEY, name);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private mode): the choice then lasts until the page reloads.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The basemap this browser chose, or null (the map's own default). */
export function useBasemapChoice(): StyleName | null {
  return useSyncExternalStore(subscribe, readChoice, () => null);
}

/**
 * The style a map shows: the browser's choice when the server offers it, else `fallback`
 * (the offline style). Until the list of styles arrives, the fallback.
 */
export function useChosenStyle(fallback: StyleName, enabled: boolean): StyleName {
  const choice = useBasemapChoice();
  const list = useQuery({ ...styleListQuery(), enabled: enabled && choice !== null });
  if (!choice || !list.data?.some((row) => row.id === choice)) return fallback;
  return choice;
}

/**
 * The CRS of the style `name` as served (a custom style that fell back to the offline one
 * says wgs84), for shifting what deck.gl draws; WGS84 until the style has loaded.
 */
export function useStyleCrs(name: StyleName, enabled: boolean): MapCrs {
  const style = useQuery({ ...mapStyleQuery(name), enabled });
  return mapCrsOf(style.data?.metadata);
}
