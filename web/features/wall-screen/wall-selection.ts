import type { SearchHit } from '../../domain/search';
import type { MapPick } from '../../map/wall-map';

/** What the operator has opened: an incident's detail, a grid's or a camera's card. */
export type Selection =
  | { kind: 'incident'; code: string }
  | { kind: 'grid'; code: string }
  | { kind: 'camera'; code: string }
  | null;

/** The selection a map click makes; clicks on other things close what was open. */
export function selectionOfPick(pick: MapPick | null): Selection {
  if (!pick) return null;
  if (pick.kind === 'incident' || pick.kind === 'grid' || pick.kind === 'camera') {
    return { kind: pick.kind, code: pick.code };
  }
  return null;
}

/** The selection a search hit makes (places and service points only move the map). */
export function selectionOfHit(hit: SearchHit): Selection {
  if (hit.kind === 'incident' || hit.kind === 'grid' || hit.kind === 'camera') {
    return { kind: hit.kind, code: hit.id };
  }
  return null;
}
