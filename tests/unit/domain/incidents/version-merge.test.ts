import { describe, expect, it } from 'vitest';
import { IncidentActionSchema } from '../../../../api/contract/incidents';
import { ConflictError, ValidationError } from '../../../../api/domain/errors';
import { PreconditionFailedError } from '../../../../api/domain/incidents/errors';
import { absorbEvent, checkMergeTarget } from '../../../../api/domain/incidents/merge';
import { checkVersion, incidentEtag, parseIfMatch } from '../../../../api/domain/incidents/version';
import { ADMIN, at, CODE, incidentAt, OTHER_CODE, VALID_INPUT } from './fixtures';

describe('optimistic locking', () => {
  it('passes the current version and a request without a precondition', () => {
    expect(() => checkVersion(3, 3)).not.toThrow();
    expect(() => checkVersion(null, 3)).not.toThrow();
    expect(() => checkVersion(undefined, 3)).not.toThrow();
  });

  it('refuses a stale version with 412, naming both versions', () => {
    const attempt = () => checkVersion(2, 3);
    expect(attempt).toThrow(PreconditionFailedError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'precondition_failed' }));
    expect(attempt).toThrow(/based on version 2, the current version is 3/);
  });

  it('reads If-Match as the ETag writes it', () => {
    expect(incidentEtag(7)).toBe('"7"');
    expect(parseIfMatch(incidentEtag(7))).toBe(7);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('5')).toBe(5);
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch(' ')).toBeNull();
  });

  it.each(['"abc"', '*', '"0"', '"-1"', '"1", "2"'])('refuses If-Match %s', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationError);
  });
});

describe('merge targets', () => {
  const source = incidentAt('reported');

  it('take a duplicate into a live or closed case', () => {
    for (const status of ['reported', 'in_progress', 'closed'] as const) {
      expect(() =>
        checkMergeTarget(source, incidentAt(status, { code: OTHER_CODE })),
      ).not.toThrow();
    }
  });

  it('refuse the incident itself', () => {
    expect(() => checkMergeTarget(source, source)).toThrow(ValidationError);
  });

  it('refuse merged and rejected cases, pointing merged ones at their own target', () => {
    const merged = incidentAt('merged', { code: OTHER_CODE, duplicateOf: 'YP20250301000123' });
    expect(() => checkMergeTarget(source, merged)).toThrow(ConflictError);
    expect(() => checkMergeTarget(source, merged)).toThrow(/merge into that one/);
    const rejected = incidentAt('rejected', { code: OTHER_CODE });
    expect(() => checkMergeTarget(source, rejected)).toThrow(ConflictError);
  });

  it('write an absorb event on the target’s timeline', () => {
    expect(absorbEvent(CODE, ADMIN, at(5))).toEqual({
      type: 'absorb',
      fromStatus: null,
      toStatus: null,
      actor: ADMIN.name,
      note: `并入重复事件 ${CODE}`,
      at: at(5),
    });
  });
});

describe('transition request body', () => {
  it('accepts a well-formed body for every action', () => {
    for (const body of Object.values(VALID_INPUT)) {
      expect(IncidentActionSchema.parse(body)).toEqual(body);
    }
  });

  it.each([
    { action: 'reject' },
    { action: 'reopen', reason: '   ' },
    { action: 'rate', satisfaction: 6 },
    { action: 'rate', satisfaction: 3.5 },
    { action: 'merge', into: 'not-a-code' },
    { action: 'accept', extra: 1 },
    { action: 'approve' },
  ])('refuses %j', (body) => {
    expect(IncidentActionSchema.safeParse(body).success).toBe(false);
  });
});
