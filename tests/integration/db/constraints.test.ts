import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

/** A valid square around the district's centre, as GeoJSON text. */
const square = (lng: number, lat: number, d = 0.001) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + d, lat],
        [lng + d, lat + d],
        [lng, lat + d],
        [lng, lat],
      ],
    ],
  });
const bowtie = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [116.6, 35.4],
      [116.61, 35.41],
      [116.61, 35.4],
      [116.6, 35.41],
      [116.6, 35.4],
    ],
  ],
});
const geom = (text: string) => `ST_SetSRID(ST_GeomFromGeoJSON('${text}'), 4326)`;

async function community(): Promise<{ code: string; street: string }> {
  const row = await db().pool.query<{ code: string; parent_code: string }>(
    `SELECT code, parent_code FROM admin_areas WHERE level = 'community' ORDER BY code LIMIT 1`,
  );
  return { code: row.rows[0]!.code, street: row.rows[0]!.parent_code };
}

async function insertGrid(code: string, polygon: string) {
  const { code: communityCode, street } = await community();
  return db().pool.query(
    `INSERT INTO grids (code, name, community_code, street_code, kind, geom)
     VALUES ($1, 'test', $2, $3, 'residential', ${geom(polygon)})`,
    [code, communityCode, street],
  );
}

describe('constraints reject bad rows', () => {
  it('rejects a self-intersecting grid polygon', async () => {
    const { code } = await community();
    await expect(insertGrid(`${code}901`, bowtie)).rejects.toThrow(/check constraint/);
  });

  it('rejects a grid code that does not start with its community code', async () => {
    await expect(insertGrid('999999999999901', square(116.6, 35.4))).rejects.toThrow(
      /check constraint|foreign key/,
    );
  });

  it('rejects a grid code that is not 15 digits', async () => {
    const { code } = await community();
    await expect(insertGrid(`${code}9a`, square(116.6, 35.4))).rejects.toThrow(/check constraint/);
  });

  it('rejects an admin code that is not 12 digits', async () => {
    await expect(
      db().pool.query(
        `INSERT INTO admin_areas (code, name, level, geom)
         VALUES ('37087100', 'x', 'district', ST_Multi(${geom(square(116.6, 35.4))}))`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('rejects a point outside the longitude/latitude range', async () => {
    const { street } = await community();
    await expect(
      db().pool.query(
        `INSERT INTO cameras (code, name, kind, street_code, heading, fov, range_m, status, geom)
         VALUES ('TEST-OUT', 'x', 'skynet', $1, 0, 90, 100, 'online', ST_SetSRID(ST_MakePoint(200, 35), 4326))`,
        [street],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('rejects codes outside the enumerations', async () => {
    const { code, street } = await community();
    await expect(
      db().pool.query(
        `INSERT INTO service_points (code, name, category, street_code, community_code, geom)
         VALUES ('TEST-CAT', 'x', 'casino', $1, $2, ST_SetSRID(ST_MakePoint(116.6, 35.4), 4326))`,
        [street, code],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('rejects a geometry of the wrong type or SRID', async () => {
    const { street } = await community();
    await expect(
      db().pool.query(
        `INSERT INTO cameras (code, name, kind, street_code, heading, fov, range_m, status, geom)
         VALUES ('TEST-SRID', 'x', 'skynet', $1, 0, 90, 100, 'online', ST_SetSRID(ST_MakePoint(116.6, 35.4), 3857))`,
        [street],
      ),
    ).rejects.toThrow(/SRID/);
  });

  it('keeps the incident event log append-only', async () => {
    await expect(
      db().pool.query(
        `DELETE FROM incident_events WHERE seq = (SELECT min(seq) FROM incident_events)`,
      ),
    ).rejects.toThrow(/append-only/);
  });
});
