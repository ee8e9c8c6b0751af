import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ESCALATION_LEVELS,
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
} from '../../../api/contract/codes';
import { deadlinesFor, dueEscalations } from '../../../api/domain/incidents';
import { generateDistrict } from '../../../data/district/generate';
import { replayHistory } from '../../support/replay-history';
import type { IncidentEventRow, IncidentRow } from '../../../data/district/rows';
import { NOW, collectRows, feature, groupBy, type AllRows } from './district-fixtures';

const DAY = 86_400_000;
let rows: AllRows;
let events: Map<string, IncidentEventRow[]>;

beforeAll(() => {
  rows = collectRows(generateDistrict({ seed: 5, scale: 'small', now: NOW })).rows;
  events = groupBy(rows.incident_events, (e) => String(e.incident_id));
}, 60_000);

const time = (iso: string) => Date.parse(iso);
const localDate = (iso: string) =>
  new Date(time(iso) + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

describe('small demo district: incidents', () => {
  it('has about 2,000 incidents over the 90 days before now, ids 1…N in report order', () => {
    expect(rows.incidents.length).toBeGreaterThan(1500);
    expect(rows.incidents.length).toBeLessThan(2500);
    rows.incidents.forEach((incident, k) => {
      expect(incident.id).toBe(k + 1);
      if (k > 0)
        expect(time(incident.reported_at)).toBeGreaterThanOrEqual(
          time(rows.incidents[k - 1]?.reported_at ?? ''),
        );
      expect(time(incident.reported_at)).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY);
      expect(time(incident.reported_at)).toBeLessThan(NOW.getTime());
    });
  });

  it('codes incidents YP + local date + six-digit sequence, uniquely', () => {
    expect(new Set(rows.incidents.map((i) => i.code)).size).toBe(rows.incidents.length);
    for (const i of rows.incidents)
      expect(i.code).toMatch(new RegExp(`^YP${localDate(i.reported_at)}\\d{6}$`));
  });

  it('places each incident inside its grid, with matching community and street codes', () => {
    const grids = new Map(rows.grids.map((g) => [g.code, g]));
    for (const i of rows.incidents) {
      const grid = grids.get(i.grid_code);
      expect(grid?.community_code).toBe(i.community_code);
      expect(grid?.street_code).toBe(i.street_code);
      expect(
        booleanPointInPolygon(i.geom, feature(grid?.geom ?? { type: 'Polygon', coordinates: [] })),
      ).toBe(true);
    }
  });

  it('assigns incidents only to members of their grid', () => {
    const assigned = new Set(rows.grid_member_grids.map((a) => `${a.member_id}/${a.grid_code}`));
    const withAssignee = rows.incidents.filter((i) => i.assignee_id !== null);
    expect(withAssignee.length).toBeGreaterThan(rows.incidents.length * 0.8);
    for (const i of withAssignee)
      expect(assigned.has(`${i.assignee_id}/${i.grid_code}`)).toBe(true);
  });

  it('mixes all sources and categories', () => {
    expect(new Set(rows.incidents.map((i) => i.source))).toEqual(new Set(INCIDENT_SOURCES));
    expect(new Set(rows.incidents.map((i) => i.category))).toEqual(new Set(INCIDENT_CATEGORIES));
  });

  it("sets the workflow's deadlines for the category and severity at the report time", () => {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    for (const i of rows.incidents) {
      const due = deadlinesFor(i.category, i.severity, new Date(i.reported_at));
      expect(i.accept_deadline).toBe(iso(due.acceptDeadline));
      expect(i.on_site_deadline).toBe(iso(due.onSiteDeadline));
      expect(i.resolve_deadline).toBe(iso(due.resolveDeadline));
    }
    const urgent = rows.incidents.find((i) => i.category === 'emergency');
    expect(time(urgent?.accept_deadline ?? '') - time(urgent?.reported_at ?? '')).toBe(60_000);
  });

  it('closes old incidents and keeps open ones recent', () => {
    const open = rows.incidents.filter((i) => !['closed', 'rejected', 'merged'].includes(i.status));
    expect(open.length).toBeGreaterThan(0);
    for (const i of open) expect(NOW.getTime() - time(i.reported_at)).toBeLessThan(20 * DAY);
    const old = rows.incidents.filter((i) => NOW.getTime() - time(i.reported_at) > 30 * DAY);
    expect(old.filter((i) => i.status === 'closed').length / old.length).toBeGreaterThan(0.9);
  });

  it('flags some overdue and escalated incidents and a few rejected or merged ones', () => {
    expect(rows.incidents.some((i) => i.overdue)).toBe(true);
    expect(rows.incidents.some((i) => i.escalation_level !== 'grid')).toBe(true);
    expect(rows.incidents.some((i) => i.status === 'rejected')).toBe(true);
    const merged = rows.incidents.filter((i) => i.status === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    for (const i of rows.incidents) {
      expect(i.duplicate_of !== null).toBe(i.status === 'merged');
      if (i.duplicate_of !== null) expect(i.duplicate_of).toBeLessThan(i.id);
      if (i.satisfaction !== null) expect(i.status).toBe('closed');
      if (i.satisfaction !== null) expect([1, 2, 3, 4, 5]).toContain(i.satisfaction);
    }
  });

  it('reports fewer incidents at night than in the morning', () => {
    const hours = rows.incidents.map((i) => (new Date(time(i.reported_at)).getUTCHours() + 8) % 24);
    const night = hours.filter((h) => h < 6).length;
    const morning = hours.filter((h) => h >= 8 && h < 12).length;
    expect(night * 3).toBeLessThan(morning);
  });
}, 60_000);

function checkTimeline(incident: IncidentRow, all: IncidentEventRow[]): void {
  const list = all.filter((e) => e.type !== 'absorb');
  expect(list[0]?.type).toBe('report');
  expect(list[0]?.at).toBe(incident.reported_at);
  let status: string | null = null;
  let previous = time(incident.reported_at);
  for (const e of list) {
    expect(time(e.at)).toBeGreaterThanOrEqual(previous);
    expect(time(e.at)).toBeLessThanOrEqual(NOW.getTime());
    expect(e.street_code).toBe(incident.street_code);
    previous = time(e.at);
    if (e.to_status === null) continue;
    expect(e.from_status).toBe(status);
    status = e.to_status;
  }
  expect(status).toBe(incident.status);
  expect(incident.version).toBe(list.at(-1)?.payload.version);
  const escalations = list.filter((e) => e.type === 'escalate').length;
  expect(ESCALATION_LEVELS[escalations]).toBe(incident.escalation_level);
  const end = list.find((e) => ['close', 'reject', 'merge'].includes(e.type));
  expect(incident.closed_at).toBe(end?.at ?? null);
}

describe('small demo district: incident events', () => {
  it('form a consistent timeline per incident, between report and now', () => {
    for (const incident of rows.incidents)
      checkTimeline(incident, events.get(String(incident.id)) ?? []);
  });

  it('replay through the live workflow and SLA sweep to the stored row', () => {
    const codes = new Map(rows.incidents.map((i) => [i.id, i.code]));
    for (const incident of rows.incidents) {
      const list = (events.get(String(incident.id)) ?? []).filter((e) => e.type !== 'absorb');
      const state = replayHistory(
        { ...incident, duplicateCode: codes.get(incident.duplicate_of ?? 0) ?? null },
        list.map((e) => ({
          ...e,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          at: new Date(e.at),
        })),
      );
      expect(state.status).toBe(incident.status);
      expect(state.escalationLevel).toBe(incident.escalation_level);
      expect([...state.overdueClocks]).toEqual(incident.overdue_clocks);
      expect(state.version).toBe(incident.version);
      expect(state.assigneeId).toBe(incident.assignee_id);
      expect(state.startedAt?.toISOString() ?? null).toBe(incident.started_at);
      expect(state.closedAt?.toISOString() ?? null).toBe(incident.closed_at);
      expect(state.satisfaction).toBe(incident.satisfaction);
      expect(dueEscalations(state, NOW).events).toEqual([]);
    }
  });

  it('record urgent calls whose crew arrived late with an on-site overdue event', () => {
    const late = rows.incidents.filter((i) => i.overdue_clocks.includes('on_site'));
    expect(late.length).toBeGreaterThan(0);
    for (const i of late) {
      const types = (events.get(String(i.id)) ?? []).map((e) => e.type);
      expect(types).toContain('on_site_overdue');
    }
  });

  it('follow the closed loop for closed incidents', () => {
    const closed = rows.incidents.find((i) => i.status === 'closed');
    const types = (events.get(String(closed?.id)) ?? [])
      .filter((e) => !['escalate', 'absorb', 'rate'].includes(e.type) && e.actor !== 'system')
      .map((e) => e.type);
    expect(types).toEqual(['report', 'accept', 'dispatch', 'start', 'resolve', 'verify', 'close']);
  });
}, 60_000);
