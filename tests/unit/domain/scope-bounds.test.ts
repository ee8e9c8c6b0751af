import { describe, expect, it } from 'vitest';
import { inScope, nextPrefix, scopeBounds } from '../../../api/domain/scopes';

describe('scope bounds for the row-level security range', () => {
  it('bounds one prefix exactly, at the next number of the same length', () => {
    expect(scopeBounds(['370871001000'])).toEqual({
      lo: '370871001',
      hi: '370871002',
      exact: true,
      patterns: ['370871001%'],
    });
    expect(nextPrefix('370871099')).toBe('370871100');
    expect(nextPrefix('0099')).toBe('0100');
  });

  it('drops prefixes another one covers, and rechecks several with their patterns', () => {
    expect(scopeBounds(['370871001002', '370871000000']).patterns).toEqual(['370871%']);
    const two = scopeBounds(['370871003004', '370871001002']);
    expect(two).toEqual({
      lo: '370871001002',
      hi: '370871003005',
      exact: false,
      patterns: ['370871001002%', '370871003004%'],
    });
  });

  it('holds every code in scope inside the range, and nothing else when exact', () => {
    const scopes = ['370871002000'];
    const { lo, hi } = scopeBounds(scopes);
    for (const code of [
      '370871002',
      '370871002001',
      '370871002999001',
      '370871001999',
      '370871003000',
    ]) {
      const inRange = code >= lo! && code < hi!;
      expect(inRange).toBe(inScope(code, scopes));
    }
  });

  it('sees nothing without a scope', () => {
    expect(scopeBounds([])).toEqual({ lo: null, hi: null, exact: true, patterns: [] });
  });
});
