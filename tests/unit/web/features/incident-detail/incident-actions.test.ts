import { describe, expect, it } from 'vitest';
import { INCIDENT_ACTIONS } from '../../../../../api/contract/incidents';
import { HttpError } from '../../../../../web/server-state/http';
import { ACTION_INPUTS, ACTION_LABELS } from '../../../../../web/domain/action-labels';
import {
  buildIncidentAction,
  describeActionError,
} from '../../../../../web/features/incident-detail/incident-actions';

const CODE = 'YP20250301000042';

describe('buildIncidentAction', () => {
  it('sends one-click actions as they are', () => {
    for (const name of INCIDENT_ACTIONS.filter((a) => ACTION_INPUTS[a] === 'none')) {
      expect(buildIncidentAction(name, '', CODE)).toEqual({ ok: true, action: { action: name } });
    }
  });

  it('needs a reason to reject or reopen', () => {
    expect(buildIncidentAction('reject', '  ', CODE)).toMatchObject({ ok: false });
    expect(buildIncidentAction('reopen', ' 未处理完 ', CODE)).toEqual({
      ok: true,
      action: { action: 'reopen', reason: '未处理完' },
    });
  });

  it('merges into another incident code, typed in any case', () => {
    expect(buildIncidentAction('merge', 'yp20250301000007', CODE)).toEqual({
      ok: true,
      action: { action: 'merge', into: 'YP20250301000007' },
    });
    expect(buildIncidentAction('merge', 'YP123', CODE)).toMatchObject({ ok: false });
    expect(buildIncidentAction('merge', CODE, CODE)).toMatchObject({ ok: false });
  });

  it('rates from 1 to 5 only', () => {
    expect(buildIncidentAction('rate', '5', CODE)).toEqual({
      ok: true,
      action: { action: 'rate', satisfaction: 5 },
    });
    expect(buildIncidentAction('rate', '', CODE)).toMatchObject({ ok: false });
    expect(buildIncidentAction('rate', '6', CODE)).toMatchObject({ ok: false });
  });

  it('labels every action in Chinese', () => {
    for (const name of INCIDENT_ACTIONS) expect(ACTION_LABELS[name].zh).toMatch(/\p{Script=Han}/u);
  });
});

describe('describeActionError', () => {
  it("shows the server's message for a stale version or a refused transition", () => {
    const stale = new HttpError(412, '/x', { message: 'Version 3 is not current.' });
    expect(describeActionError(stale).en).toContain('Version 3 is not current.');
    const refused = new HttpError(409, '/x', { message: 'Cannot close a reported incident.' });
    expect(describeActionError(refused).zh).toContain('Cannot close a reported incident.');
  });

  it('falls back to the status when the server said nothing', () => {
    expect(describeActionError(new HttpError(500, '/x')).en).toBe('Action failed: HTTP 500');
  });
});
