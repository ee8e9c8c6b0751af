import { createTestApp } from '../support/app';
import type { Database } from '../../../api/db/database';

/** A GET on the OGC surface with an API key; the raw response. */
export async function ogcGet(db: Database, key: string, pathAndQuery: string): Promise<Response> {
  return createTestApp(db).request(`/ogc${pathAndQuery}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
}

/** The response body as bytes. */
export async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

/** Metres between two WGS84 positions (haversine; exact enough at these distances). */
export function metresBetween(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLng = (b[0]! - a[0]!) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
