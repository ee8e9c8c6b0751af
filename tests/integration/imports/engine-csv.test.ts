import { describe, expect, it } from 'vitest';
import { runImport } from '../../../api/use-cases/imports/run-import';
import { useTestDatabase } from '../support/db';
import { unique } from '../support/identities';
import { countRows, importOf, seededCommunities } from './engine-fixtures';

const db = useTestDatabase();

describe('a CSV import', () => {
  it('names the spreadsheet row and the reason of a coordinate that is not a number; writes nothing', async () => {
    const [a] = await seededCommunities(db().pool);
    const prefix = unique('T-CSV').toUpperCase();
    const csv = [
      '编号,名称,类别,经度,纬度',
      `${prefix}-1,好邻居便利店,便利店,${a!.lng},${a!.lat}`,
      `${prefix}-2,错坐标药店,药店,东经116度,${a!.lat}`,
    ].join('\n');
    const before = await countRows(db().pool, 'service_points');
    const input = { ...importOf('service-points', new TextEncoder().encode(csv)) };
    const outcome = await runImport(db().pool, { ...input, fileName: 'points.csv' });
    expect(outcome.status).toBe('rejected');
    expect(outcome.detection.format).toBe('csv');
    const problem = outcome.problems.find((p) => p.code === 'invalid_coordinates');
    // Row 3 as a spreadsheet shows it (the header is row 1), with the reader's own reason.
    expect(problem).toMatchObject({ row: 3, index: 1, field: 'geometry', severity: 'error' });
    expect(problem?.message).toMatch(/东经116度/);
    expect(await countRows(db().pool, 'service_points')).toBe(before);
  });
});
