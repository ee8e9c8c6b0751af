import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESCALATION_LEVELS } from '../../../../api/contract/codes';
import { INCIDENT_ACTIONS, SLA_CLOCKS } from '../../../../api/contract/incidents';
import { AppError } from '../../../../api/domain/errors';
import { actionsFromState } from '../../../../api/domain/incidents/rules';
import { TERMINAL_STATUSES } from '../../../../api/domain/incidents/state';
import { allowedActions, applyAction } from '../../../../api/domain/incidents/workflow';
import { actorArb, checkChain, run, startArb, stepArb, stepsArb, validInput } from './random-runs';

describe('incident workflow properties', () => {
  it('never reaches an invalid state, and keeps a consistent event chain', () => {
    fc.assert(
      fc.property(startArb, stepsArb, (start, steps) => {
        const r = run(start, steps);
        checkChain(r.events, r.state.status);
        expect(r.state.version).toBe(1 + r.applied + r.sweeps);
      }),
      { numRuns: 300 },
    );
  });

  it('raises the version by exactly the number of applied actions', () => {
    const actsOnly = stepArb.filter((s) => s.kind !== 'sweep');
    fc.assert(
      fc.property(
        startArb,
        fc.array(actsOnly, { maxLength: 60, size: 'medium' }),
        (start, steps) => {
          const r = run(start, steps);
          expect(r.state.version).toBe(1 + r.applied);
        },
      ),
    );
  });

  it('lets terminal states take only a rating (closed) or nothing', () => {
    fc.assert(
      fc.property(startArb, stepsArb, (start, steps) => {
        const { state } = run(start, steps);
        if (!TERMINAL_STATUSES.includes(state.status)) return;
        const allowed = actionsFromState(state);
        const expected = state.status === 'closed' && state.satisfaction === null ? ['rate'] : [];
        expect(allowed).toEqual(expected);
      }),
    );
  });

  it('applies exactly the actions allowedActions offers (given valid input)', () => {
    fc.assert(
      fc.property(startArb, stepsArb, actorArb, (start, steps, actor) => {
        const { state, now } = run(start, steps);
        const offered = allowedActions(state, actor);
        for (const name of INCIDENT_ACTIONS) {
          const input = validInput(state, name);
          const attempt = () => applyAction(state, input, actor, now);
          if (offered.includes(name)) expect(attempt).not.toThrow();
          else expect(attempt).toThrow(AppError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fires each overdue flag at most once, whatever the sweeps', () => {
    fc.assert(
      fc.property(startArb, stepsArb, (start, steps) => {
        const { events, state } = run(start, steps);
        for (const clock of SLA_CLOCKS) {
          const fired = events.filter((e) => e.type === `${clock}_overdue`).length;
          expect(fired).toBe(state.overdueClocks.includes(clock) ? 1 : 0);
        }
        const escalations = events.filter((e) => e.type === 'escalate').length;
        expect(escalations).toBe(ESCALATION_LEVELS.indexOf(state.escalationLevel));
      }),
    );
  });
});
