import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { auth, importApp, tableCounts, upload } from './http-support';

const db = useTestDatabase();
const IP = '10.77.1.1';
let admin: string;
let operator: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [district])).key;
  operator = (await makeKey(db(), 'operator', [district])).key;
});

const OPTIONS = { collection: 'service-points', crs: 'gcj02' };
const geojson = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');

/** A zip cut off after its first local header: the bytes of a real zip's start. */
const TRUNCATED_ZIP = Uint8Array.from([
  0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x4d, 0x2a,
  0x8f, 0x1c, 0x40, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x67, 0x72,
  0x69, 0x64, 0x73, 0x2e, 0x73, 0x68, 0x70, 0x63, 0x60,
]);

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string }[] };
}

/** Sends the request and checks that nothing was written: no job, no feature. */
async function refusedWithNothingWritten(send: () => Response | Promise<Response>, status: number) {
  const before = await tableCounts(db());
  const response = await send();
  const body = (await response.json()) as ErrorBody;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(await tableCounts(db())).toEqual(before);
  return body.error;
}

describe('POST /api/v1/imports refuses, writing nothing', () => {
  it('answers 403 to an operator and 401 without a key', async () => {
    const { app } = importApp(db());
    const file = { name: 'points.geojson', bytes: geojson };
    const error = await refusedWithNothingWritten(
      () => upload(app, operator, OPTIONS, file, IP),
      403,
    );
    expect(error.code).toBe('forbidden');
    const form = new FormData();
    form.append('file', new Blob([geojson]), 'points.geojson');
    const anonymous = await call(app, '/api/v1/imports', { method: 'POST', body: form }, IP);
    expect(anonymous.status).toBe(401);
    expect((await call(app, '/api/v1/imports', { headers: auth(operator) }, IP)).status).toBe(403);
  });

  it('answers 413 with a bilingual message for a body over the configured limit', async () => {
    const { app } = importApp(db(), { maxBytes: 64 * 1024 });
    const big = new Uint8Array(100 * 1024).fill(0x20);
    const file = { name: 'big.geojson', bytes: big };
    const error = await refusedWithNothingWritten(() => upload(app, admin, OPTIONS, file, IP), 413);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/上限.*limit/);
  });

  it('takes an upload above the 1 MB limit of other requests (the import limit is its own)', async () => {
    const { app } = importApp(db(), { maxBytes: 4 * 1024 * 1024 });
    const padded = `{"type":"FeatureCollection","features":[]}${' '.repeat(2 * 1024 * 1024)}`;
    const file = { name: 'padded.geojson', bytes: new TextEncoder().encode(padded) };
    const fields = { ...OPTIONS, dryRun: 'true' };
    const response = await upload(app, admin, fields, file, IP);
    expect(response.status).not.toBe(413);
  });

  it.each([
    ['a NUL-only file', 'nul.geojson', new Uint8Array(4096)],
    ['a truncated zip', 'grids.zip', TRUNCATED_ZIP],
    [
      'broken JSON',
      'broken.geojson',
      new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":'),
    ],
  ])('answers 400 with the reader’s message for %s', async (_what, name, bytes) => {
    const { app } = importApp(db());
    const send = () => upload(app, admin, OPTIONS, { name, bytes }, IP);
    const error = await refusedWithNothingWritten(send, 400);
    expect(error.message).toContain('无法读取文件 The file cannot be read');
    expect(error.issues?.[0]?.path).toBe('file');
  });

  it('answers 400 naming the field for bad options, a missing file and a non-multipart body', async () => {
    const { app } = importApp(db());
    const file = { name: 'points.geojson', bytes: geojson };
    const bad = await refusedWithNothingWritten(
      () => upload(app, admin, { collection: 'parks', crs: 'wgs84' }, file, IP),
      400,
    );
    expect(bad.issues?.map((issue) => issue.path)).toContain('collection');
    const flag = await refusedWithNothingWritten(
      () => upload(app, admin, { ...OPTIONS, dryRun: 'maybe' }, file, IP),
      400,
    );
    expect(flag.issues?.[0]?.path).toBe('dryRun');
    const missing = await refusedWithNothingWritten(
      () => upload(app, admin, OPTIONS, null, IP),
      400,
    );
    expect(missing.issues?.[0]?.path).toBe('file');
    const json = await refusedWithNothingWritten(
      () =>
        call(
          app,
          '/api/v1/imports',
          {
            method: 'POST',
            headers: { ...auth(admin), 'Content-Type': 'application/json' },
            body: JSON.stringify(OPTIONS),
          },
          IP,
        ),
      400,
    );
    expect(json.message).toContain('multipart/form-data');
  });

  it('answers 400 for a malformed multipart body', async () => {
    const { app } = importApp(db());
    const send = () =>
      call(
        app,
        '/api/v1/imports',
        {
          method: 'POST',
          headers: { ...auth(admin), 'Content-Type': 'multipart/form-data; boundary=xyz' },
          body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
        },
        IP,
      );
    const error = await refusedWithNothingWritten(send, 400);
    expect(error.code).toBe('invalid_request');
  });

  it('answers 404 for an unknown job and 400 for a bad id', async () => {
    const { app } = importApp(db());
    expect(
      (await call(app, '/api/v1/imports/999999999', { headers: auth(admin) }, IP)).status,
    ).toBe(404);
    expect((await call(app, '/api/v1/imports/abc', { headers: auth(admin) }, IP)).status).toBe(400);
  });
});
