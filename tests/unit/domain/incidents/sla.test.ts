import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../../../api/contract/codes';
import {
  classifySla,
  clockRunning,
  deadlinesFor,
  DEFAULT_SLA_TABLE,
  slaTargetFor,
} from '../../../../api/domain/incidents/sla';
import { at, HOUR, incidentAt, MINUTE, T0 } from './fixtures';

describe('SLA deadlines', () => {
  it.each(['urgent_help', 'emergency'] as const)(
    'give %s 1 minute to accept and 10 on site, whatever the severity',
    (category) => {
      for (const severity of SEVERITIES) {
        const deadlines = deadlinesFor(category, severity, T0);
        expect(deadlines.acceptDeadline).toEqual(at(1));
        expect(deadlines.onSiteDeadline).toEqual(at(10));
      }
    },
  );

  it('give urgent calls hours, not days, to resolve', () => {
    expect(deadlinesFor('urgent_help', 'high', T0).resolveDeadline).toEqual(at(120));
    expect(deadlinesFor('emergency', 'medium', T0).resolveDeadline).toEqual(at(240));
  });

  it('give ordinary categories hours to accept and a day to three days to resolve', () => {
    expect(deadlinesFor('city_appearance', 'medium', T0)).toEqual({
      acceptDeadline: at(60),
      onSiteDeadline: null,
      resolveDeadline: at(24 * 60),
    });
    expect(deadlinesFor('livelihood', 'low', T0)).toEqual({
      acceptDeadline: at(120),
      onSiteDeadline: null,
      resolveDeadline: at(72 * 60),
    });
  });

  it('tighten deadlines for high and critical severity', () => {
    expect(slaTargetFor('livelihood', 'high')).toEqual({
      accept: HOUR,
      onSite: null,
      resolve: 24 * HOUR,
    });
    expect(slaTargetFor('livelihood', 'critical')).toEqual({
      accept: 30 * MINUTE,
      onSite: null,
      resolve: 4 * HOUR,
    });
  });

  it('only ever tighten with severity, never loosen', () => {
    for (const category of INCIDENT_CATEGORIES) {
      const targets = SEVERITIES.map((s) => slaTargetFor(category, s));
      for (let k = 1; k < targets.length; k++) {
        const [looser, tighter] = [targets[k - 1]!, targets[k]!];
        expect(tighter.accept).toBeLessThanOrEqual(looser.accept);
        expect(tighter.resolve).toBeLessThanOrEqual(looser.resolve);
        expect(tighter.onSite).toBe(looser.onSite);
      }
      expect(targets[0]).toEqual(DEFAULT_SLA_TABLE[category]);
    }
  });

  it('keep every category within the practice ranges', () => {
    for (const category of INCIDENT_CATEGORIES) {
      const target = DEFAULT_SLA_TABLE[category];
      const urgent = category === 'urgent_help' || category === 'emergency';
      expect(target.onSite).toBe(urgent ? 10 * MINUTE : null);
      if (urgent) expect(target.accept).toBe(MINUTE);
      else expect(target.accept).toBeGreaterThanOrEqual(HOUR);
      expect(target.accept).toBeLessThanOrEqual(2 * HOUR);
      expect(target.resolve).toBeGreaterThanOrEqual(urgent ? 2 * HOUR : 24 * HOUR);
      expect(target.resolve).toBeLessThanOrEqual(72 * HOUR);
    }
  });
});

describe('classifySla', () => {
  const reported = incidentAt('reported');

  it('is on time early in the window', () => {
    const sla = classifySla(reported, at(10));
    expect(sla.accept).toEqual({
      state: 'on_time',
      deadline: at(60),
      running: true,
      remainingMs: 50 * MINUTE,
    });
    expect(sla.onSite).toBeNull();
    expect(sla.worst).toBe('on_time');
  });

  it('is due soon in the last fifth of the window, up to and including the deadline', () => {
    expect(classifySla(reported, at(47)).accept.state).toBe('on_time');
    expect(classifySla(reported, at(48)).accept.state).toBe('due_soon');
    expect(classifySla(reported, at(60)).accept.state).toBe('due_soon');
    expect(classifySla(reported, at(60)).worst).toBe('due_soon');
  });

  it('is overdue once past the deadline', () => {
    const sla = classifySla(reported, at(61));
    expect(sla.accept).toMatchObject({ state: 'overdue', remainingMs: -MINUTE });
    expect(sla.resolve.state).toBe('on_time');
    expect(sla.worst).toBe('overdue');
  });

  it('stops the accept clock once accepted: met unless a miss was recorded', () => {
    expect(classifySla(incidentAt('accepted'), at(600)).accept).toMatchObject({
      state: 'on_time',
      running: false,
      remainingMs: null,
    });
    const late = incidentAt('accepted', { overdueClocks: ['accept'] });
    expect(classifySla(late, at(600)).accept.state).toBe('overdue');
  });

  it('keeps the resolve clock running until resolved, and again after a reopen', () => {
    expect(clockRunning(incidentAt('in_progress'), 'resolve')).toBe(true);
    expect(clockRunning(incidentAt('resolved'), 'resolve')).toBe(false);
    expect(classifySla(incidentAt('dispatched'), at(25 * 60)).resolve.state).toBe('overdue');
    expect(classifySla(incidentAt('resolved'), at(25 * 60)).resolve.state).toBe('on_time');
  });

  it('tracks the on-site clock of urgent calls until handling starts', () => {
    const urgent = incidentAt('dispatched', deadlinesFor('urgent_help', 'high', T0));
    expect(classifySla(urgent, at(9)).onSite?.state).toBe('due_soon');
    expect(classifySla(urgent, at(11)).onSite?.state).toBe('overdue');
    const started = { ...urgent, status: 'in_progress' as const, startedAt: at(8) };
    expect(classifySla(started, at(11)).onSite).toMatchObject({ state: 'on_time', running: false });
    const redispatched = { ...started, status: 'dispatched' as const };
    expect(classifySla(redispatched, at(11)).onSite?.running).toBe(false);
  });

  it('stops every clock of a rejected or merged case', () => {
    for (const status of ['rejected', 'merged'] as const) {
      expect(classifySla(incidentAt(status), at(10_000)).worst).toBe('on_time');
    }
  });
});
