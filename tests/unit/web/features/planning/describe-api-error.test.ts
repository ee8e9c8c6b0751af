import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../../../web/server-state/http';
import { describeApiError } from '../../../../../web/features/planning/api-error';
import { isRefused } from '../../../../../web/features/wall-screen/use-life-circle-figure';
import { analysisStatus } from '../../../../../web/features/wall-screen/use-walking-reach';

describe('describeApiError', () => {
  it('shows the API’s own message when it sent one', () => {
    const error = new HttpError(422, '/api/v1/analysis/scenarios', {
      code: 'invalid_request',
      message: 'at most 50 changes in one scenario',
    });
    expect(describeApiError(error).zh).toBe('at most 50 changes in one scenario');
  });

  it('names a refusal and an unreachable server', () => {
    expect(describeApiError(new HttpError(403, '/x')).zh).toBe('无权限执行此操作');
    expect(describeApiError(new TypeError('Failed to fetch')).zh).toBe('无法连接服务器');
  });
});

describe('the wall’s analysis answers', () => {
  const failed = (status: number) => ({
    isFetching: false,
    isSuccess: false,
    isError: true,
    error: new HttpError(status, '/api/v1/analysis/completeness'),
  });

  it('hides the life-circle figure when refused (403) or absent (404), not on a 500', () => {
    expect(isRefused(failed(403).error)).toBe(true);
    expect(isRefused(failed(404).error)).toBe(true);
    expect(isRefused(failed(500).error)).toBe(false);
  });

  it('tells a refused walking reach from a broken one', () => {
    expect(analysisStatus(failed(403))).toBe('forbidden');
    expect(analysisStatus(failed(500))).toBe('error');
    expect(
      analysisStatus({ isFetching: true, isSuccess: false, isError: false, error: null }),
    ).toBe('loading');
  });
});
