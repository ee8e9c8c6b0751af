import { encodeCursor } from '../domain/cursor';
import type { FeaturePage } from '../db/features';

/** A web link as OGC API documents carry them. */
export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const OPENAPI_30 = 'application/vnd.oai.openapi+json;version=3.0';
export const SCHEMA_JSON = 'application/schema+json';

/** The same URL with `cursor` replaced (or removed). */
function withCursor(url: URL, cursor: string | undefined): string {
  const next = new URL(url);
  next.searchParams.delete('cursor');
  if (cursor) next.searchParams.set('cursor', cursor);
  return next.toString();
}

/**
 * self / next / prev links of an items page. Keys come from the page itself, so a link stays
 * right whatever is inserted meanwhile; `prev` exists once the caller has moved past page one.
 */
export function pageLinks(
  url: URL,
  page: FeaturePage,
  direction: 'next' | 'prev' | 'first',
): Link[] {
  const links: Link[] = [
    { href: url.toString(), rel: 'self', type: GEOJSON, title: '本页 This page' },
  ];
  const moreAhead = direction === 'prev' ? true : page.hasMore;
  const moreBehind = direction === 'first' ? false : direction === 'next' ? true : page.hasMore;
  if (moreAhead && page.lastKey !== null) {
    const cursor = encodeCursor({ direction: 'next', key: page.lastKey });
    links.push({
      href: withCursor(url, cursor),
      rel: 'next',
      type: GEOJSON,
      title: '下一页 Next page',
    });
  }
  if (moreBehind && page.firstKey !== null) {
    const cursor = encodeCursor({ direction: 'prev', key: page.firstKey });
    links.push({
      href: withCursor(url, cursor),
      rel: 'prev',
      type: GEOJSON,
      title: '上一页 Previous page',
    });
  }
  return links;
}
