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
export const CSV_TYPE = 'text/csv';
export const GPKG_TYPE = 'application/geopackage+sqlite3';

/** The other formats items are offered in, as links (OGC API Features: `alternate`). */
export const ITEM_FILE_FORMATS = [
  { f: 'csv', type: CSV_TYPE, title: 'CSV（UTF-8 BOM；encoding=gbk 用于旧版 Excel）CSV' },
  { f: 'gpkg', type: GPKG_TYPE, title: 'GeoPackage' },
] as const;

/** `alternate` links to the same page as CSV and GeoPackage. */
export function alternateLinks(url: URL): Link[] {
  return ITEM_FILE_FORMATS.map(({ f, type, title }) => {
    const other = new URL(url);
    other.searchParams.set('f', f);
    other.searchParams.delete('encoding');
    return { href: other.toString(), rel: 'alternate', type, title };
  });
}

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
