import { describe, expect, it } from 'vitest';
import {
  clockStatusLabel,
  formatSpan,
  slaClockViews,
} from '../../../../../web/features/incident-detail/sla-clocks';
import { detailFixture, HOUR, MINUTE, REPORTED } from './detail-fixture';

const iso = (ms: number) => new Date(ms).toISOString();

describe('slaClockViews', () => {
  it('counts down the accept and resolve clocks of a new incident', () => {
    const views = slaClockViews(detailFixture(), REPORTED + 10 * MINUTE);
    expect(views.map((v) => [v.clock, v.state, v.msLeft])).toEqual([
      ['accept', 'ok', 50 * MINUTE],
      ['resolve', 'ok', 23 * HOUR + 50 * MINUTE],
    ]);
  });

  it('shows the on-site clock only for incidents that have one', () => {
    const urgent = detailFixture({ onSiteDeadline: iso(REPORTED + 10 * MINUTE) });
    expect(slaClockViews(urgent, REPORTED).map((v) => v.clock)).toEqual([
      'accept',
      'on_site',
      'resolve',
    ]);
  });

  it('warns close to a deadline and marks a passed one overdue', () => {
    const [soon] = slaClockViews(detailFixture(), REPORTED + 45 * MINUTE);
    expect(soon?.state).toBe('soon');
    const [late] = slaClockViews(detailFixture(), REPORTED + 70 * MINUTE);
    expect(late).toMatchObject({ state: 'overdue', msLeft: -10 * MINUTE });
  });

  it('marks a running clock overdue once the server recorded the miss', () => {
    const missed = detailFixture({ overdueClocks: ['accept'] });
    expect(slaClockViews(missed, REPORTED + MINUTE)[0]?.state).toBe('overdue');
  });

  it('stops the accept clock once accepted: met, or missed if the server says so', () => {
    const accepted = detailFixture({ status: 'accepted' });
    expect(slaClockViews(accepted, REPORTED + 2 * HOUR)[0]).toMatchObject({
      state: 'met',
      msLeft: null,
    });
    const late = detailFixture({ status: 'accepted', overdueClocks: ['accept'] });
    expect(slaClockViews(late, REPORTED + 2 * HOUR)[0]?.state).toBe('missed');
  });

  it('stops the on-site clock once handling has started', () => {
    const started = detailFixture({
      status: 'dispatched',
      onSiteDeadline: iso(REPORTED + 10 * MINUTE),
      startedAt: iso(REPORTED + 5 * MINUTE),
    });
    expect(slaClockViews(started, REPORTED + HOUR)[1]).toMatchObject({
      clock: 'on_site',
      state: 'met',
    });
  });

  it('shows the clocks of a rejected incident as stopped', () => {
    const rejected = detailFixture({ status: 'rejected' });
    expect(slaClockViews(rejected, REPORTED).map((v) => v.state)).toEqual(['stopped', 'stopped']);
  });
});

describe('clock text', () => {
  it('says how long is left or how long overdue', () => {
    const [left] = slaClockViews(detailFixture(), REPORTED + 10 * MINUTE);
    expect(clockStatusLabel(left!)).toEqual({ zh: '剩余 50分00秒', en: '50m 00s left' });
    const [late] = slaClockViews(detailFixture(), REPORTED + 3 * HOUR + 5 * MINUTE);
    expect(clockStatusLabel(late!)).toEqual({ zh: '超时 2小时05分', en: 'overdue by 2h 05m' });
  });

  it('writes spans in their two largest units', () => {
    expect(formatSpan(2 * 24 * HOUR + 3 * HOUR)).toEqual({ zh: '2天03小时', en: '2d 03h' });
    expect(formatSpan(-(12 * MINUTE + 5_000))).toEqual({ zh: '12分05秒', en: '12m 05s' });
  });
});
