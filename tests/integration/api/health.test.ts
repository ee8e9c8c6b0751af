import { describe, expect, it } from 'vitest';
import { ReadinessSchema } from '../../../api/contract/health';
import { countFeatures } from '../../../api/db/counts';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

describe('health endpoints', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await createTestApp(db()).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the seeded layer counts', async () => {
    const response = await createTestApp(db()).request('/readyz');
    expect(response.status).toBe(200);
    const body = ReadinessSchema.parse(await response.json());
    if (body.status !== 'ready') throw new Error(`not ready: ${body.status}`);
    expect(body.counts).toEqual(await countFeatures(db().pool));
    expect(body.counts.grids).toBeGreaterThan(50);
    expect(body.counts.incidents).toBeGreaterThan(0);
  });

  it('/readyz answers 503 starting while seeding or stopping', async () => {
    const response = await createTestApp(db(), { readiness: { phase: 'starting' } }).request(
      '/readyz',
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'starting' });
  });

  it('unknown routes answer 404 in the one error shape', async () => {
    const response = await createTestApp(db()).request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('/api/v1/nothing-here');
  });
});
