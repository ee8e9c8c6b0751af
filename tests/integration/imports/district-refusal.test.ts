import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { STATIC_LAYER_TABLES } from '../../../api/db/district-layers';
import { replaceDistrict } from '../../../api/use-cases/imports/district';
import { useTestDatabase } from '../support/db';
import { fixtureDistrict, NOW, snapshot } from './district-support';

const db = useTestDatabase();

/** Replaces the seeded demo with the fixture, some files changed by `edit`. */
async function replaceWith(
  edit: (files: Map<string, Uint8Array>) => void,
  discardOperational = true,
) {
  const { manifest, files } = fixtureDistrict();
  edit(files);
  return replaceDistrict(db().pool, manifest, files, 'test:district', {
    now: NOW,
    discardOperational,
  });
}

/** The GBK service-point CSV with its text changed by `change`. */
function editServicePoints(files: Map<string, Uint8Array>, change: (text: string) => string) {
  const text = iconv.decode(Buffer.from(files.get('service-points.csv')!), 'gbk');
  files.set('service-points.csv', new Uint8Array(iconv.encode(change(text), 'gbk')));
}

describe('a district replacement that cannot go ahead changes nothing', () => {
  it('stops before writing when one file cannot be read, naming it', async () => {
    const before = await snapshot(db());
    const outcome = await replaceWith((files) => {
      const gpkg = files.get('buildings.gpkg')!;
      files.set('buildings.gpkg', gpkg.slice(0, 4096));
    });
    expect(outcome.status).toBe('rejected');
    expect(outcome.removed).toBeNull();
    const byFile = Object.fromEntries(outcome.files.map((f) => [f.file, f.status]));
    expect(byFile['buildings.gpkg']).toBe('unreadable');
    expect(outcome.files.find((f) => f.file === 'buildings.gpkg')!.error).toMatch(/buildings/);
    expect(Object.values(byFile).filter((s) => s === 'succeeded')).toHaveLength(7);
    expect(await snapshot(db())).toEqual(before);
  });

  it('names a file the manifest lists but that was not given', async () => {
    const before = await snapshot(db());
    const outcome = await replaceWith((files) => files.delete('roads.geojson'));
    expect(outcome.status).toBe('rejected');
    expect(outcome.files.find((f) => f.file === 'roads.geojson')!.status).toBe('missing');
    expect(await snapshot(db())).toEqual(before);
  });

  it('rolls everything back when one file has bad rows, listing each by row', async () => {
    const before = await snapshot(db());
    const outcome = await replaceWith((files) =>
      editServicePoints(files, (text) =>
        text.replace(',health_station,', ',helth_station,').replace(/,35\.58\d*,/, ',135.58,'),
      ),
    );
    expect(outcome.status).toBe('rejected');
    const report = outcome.files.find((f) => f.collection === 'service-points')!;
    expect(report.status).toBe('rejected');
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((p) => p.row !== null && p.row >= 2)).toBe(true);
    expect(errors.some((p) => p.suggestion === 'health_station')).toBe(true);
    for (const f of outcome.files.filter((f) => f.collection !== 'service-points')) {
      expect(f.status).toBe('succeeded');
    }
    expect(await snapshot(db())).toEqual(before);
  });

  it('refuses while incidents, IoT devices and scenarios refer to the removed areas, with counts', async () => {
    const before = await snapshot(db());
    const { rows } = await db().pool.query<{ incidents: number; events: number; iot: number }>(
      `SELECT (SELECT count(*)::int FROM incidents) AS incidents,
              (SELECT count(*)::int FROM incident_events WHERE incident_id IS NOT NULL) AS events,
              (SELECT count(*)::int FROM iot_devices) AS iot`,
    );
    expect(rows[0]!.incidents).toBeGreaterThan(0);
    const outcome = await replaceWith(() => undefined, false);
    expect(outcome.status).toBe('refused');
    expect(outcome.orphans).toMatchObject({
      incidents: rows[0]!.incidents,
      incidentEvents: rows[0]!.events,
      iotDevices: rows[0]!.iot,
    });
    expect(outcome.files.every((f) => f.status === 'succeeded')).toBe(true);
    expect(await snapshot(db())).toEqual(before);
  });
});

describe('the operational records a replacement checks', () => {
  it('are every table outside the static layers with a key to them, and those keys defer', async () => {
    const { rows } = await db().pool.query<{ tbl: string; deferrable: boolean }>(
      `SELECT c.conrelid::regclass::text AS tbl, c.condeferrable AS deferrable
         FROM pg_constraint c
        WHERE c.contype = 'f'
          AND c.confrelid::regclass::text IN ('admin_areas', 'grids', 'grid_members')
          AND NOT (c.conrelid::regclass::text = ANY ($1))`,
      [[...STATIC_LAYER_TABLES]],
    );
    // A new table here needs a rule in api/db/district-operational.ts and migration 0021's treatment.
    expect([...new Set(rows.map((r) => r.tbl))].sort()).toEqual([
      'incidents',
      'iot_devices',
      'scenarios',
    ]);
    expect(rows.every((r) => r.deferrable)).toBe(true);
  });
});
