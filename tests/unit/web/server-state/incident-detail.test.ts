import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DETAIL_POLL_MS,
  incidentDetailQuery,
  incidentNearbyUrl,
  isStaleIncidentError,
  transitionIncident,
} from '../../../../web/server-state/incident-detail';
import { HttpError } from '../../../../web/server-state/http';
import { detailFixture } from '../features/incident-detail/detail-fixture';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('transitionIncident', () => {
  it('posts the action with the version it was chosen on as If-Match and returns the new state', async () => {
    const accepted = detailFixture({ status: 'accepted', version: 4 });
    const fetchMock = vi.fn(async () => answer(200, accepted));
    vi.stubGlobal('fetch', fetchMock);

    const result = await transitionIncident('YP20250301000042', 3, { action: 'accept' });

    expect(result).toEqual(accepted);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/incidents/YP20250301000042/transitions');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'If-Match': '"3"', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ action: 'accept' });
  });

  it('throws the server message of a 412 as a stale-incident error', async () => {
    const body = {
      error: { code: 'precondition_failed', message: 'Version 3 is not current (4).' },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(412, body)),
    );

    const failure = await transitionIncident('YP20250301000042', 3, { action: 'accept' }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).details.message).toBe('Version 3 is not current (4).');
    expect(isStaleIncidentError(failure)).toBe(true);
  });

  it('treats 409 as stale and other failures as not', () => {
    expect(isStaleIncidentError(new HttpError(409, '/x'))).toBe(true);
    expect(isStaleIncidentError(new HttpError(403, '/x'))).toBe(false);
    expect(isStaleIncidentError(new TypeError('offline'))).toBe(false);
  });
});

describe('incident queries', () => {
  it('ask for five nearest cameras and members', () => {
    const url = new URL(incidentNearbyUrl('YP20250301000042'), 'http://wall');
    expect(url.pathname).toBe('/api/v1/incidents/YP20250301000042/nearby');
    expect(url.searchParams.get('kinds')).toBe('camera,member');
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('refresh an open incident every 30 seconds', () => {
    expect(incidentDetailQuery('YP20250301000042').refetchInterval).toBe(DETAIL_POLL_MS);
    expect(DETAIL_POLL_MS).toBe(30_000);
  });

  it('reject a detail answer outside the contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(200, { code: 'YP20250301000042' })),
    );
    const query = incidentDetailQuery('YP20250301000042');
    const run = query.queryFn as (context: { signal: AbortSignal }) => Promise<unknown>;
    await expect(run({ signal: new AbortController().signal })).rejects.toThrow();
  });
});
