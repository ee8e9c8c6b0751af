import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCategory, Severity } from '../../../api/contract/codes';
import { deadlinesFor } from '../../../api/domain/incidents';
import { sweepOverdue } from '../../../api/use-cases/incidents/sla-sweep';
import { seedDemo } from '../../../data/seed';
import { replayHistory, type StoredEvent } from '../../support/replay-history';
import { useTestDatabase } from '../support/db';
import { TEST_SEED } from '../support/global-setup';

const db = useTestDatabase();

interface IncidentRow {
  id: number;
  code: string;
  category: IncidentCategory;
  severity: Severity;
  status: string;
  escalation_level: string;
  assignee_id: string | null;
  grid_code: string;
  duplicate_code: string | null;
  reported_at: Date;
  accept_deadline: Date;
  on_site_deadline: Date | null;
  resolve_deadline: Date;
  started_at: Date | null;
  closed_at: Date | null;
  overdue: boolean;
  overdue_clocks: string[];
  satisfaction: number | null;
  version: number;
}

interface EventRow extends StoredEvent {
  incidentId: number;
  subject: string;
  scopeCode: string;
}

let incidents: IncidentRow[] = [];
const events = new Map<number, EventRow[]>();

beforeAll(async () => {
  // Other test files add and move incidents: start from the seed's own rows.
  await seedDemo(db(), { ...TEST_SEED, force: true });
  const pool = db().pool;
  incidents = (
    await pool.query<IncidentRow>(
      `SELECT i.id, i.code, i.category, i.severity, i.status, i.escalation_level, i.assignee_id,
              i.grid_code, d.code AS duplicate_code, i.reported_at, i.accept_deadline,
              i.on_site_deadline, i.resolve_deadline, i.started_at, i.closed_at, i.overdue,
              i.overdue_clocks, i.satisfaction, i.version
         FROM incidents i LEFT JOIN incidents d ON d.id = i.duplicate_of ORDER BY i.id`,
    )
  ).rows;
  const rows = await pool.query<EventRow>(
    `SELECT incident_id AS "incidentId", subject, scope_code AS "scopeCode", type,
            from_status AS "fromStatus", to_status AS "toStatus", actor, note, at, payload
       FROM incident_events WHERE topic = 'incidents' ORDER BY seq`,
  );
  for (const row of rows.rows) {
    const list = events.get(row.incidentId) ?? [];
    list.push(row);
    events.set(row.incidentId, list);
  }
}, 300_000);

describe('the seeded history follows the live rules', () => {
  it('has deadlines from the SLA table for each category and severity at its report time', () => {
    expect(incidents.length).toBeGreaterThan(1000);
    for (const i of incidents) {
      const due = deadlinesFor(i.category, i.severity, i.reported_at);
      expect([i.code, i.accept_deadline, i.on_site_deadline, i.resolve_deadline]).toEqual([
        i.code,
        due.acceptDeadline,
        due.onSiteDeadline,
        due.resolveDeadline,
      ]);
    }
  });

  it('replays, event by event, through the workflow and the SLA sweep to the stored row', () => {
    for (const i of incidents) {
      const list = (events.get(i.id) ?? []).filter((e) => e.type !== 'absorb');
      for (const e of list) expect([e.subject, e.scopeCode]).toEqual([i.code, i.grid_code]);
      const state = replayHistory({ ...i, duplicateCode: i.duplicate_code }, list);
      expect({
        code: i.code,
        status: state.status,
        escalation: state.escalationLevel,
        overdue: [[...state.overdueClocks].sort(), state.overdueClocks.length > 0],
        version: state.version,
        assignee: state.assigneeId,
        times: [state.startedAt, state.closedAt],
        satisfaction: state.satisfaction,
      }).toEqual({
        code: i.code,
        status: i.status,
        escalation: i.escalation_level,
        overdue: [[...i.overdue_clocks].sort(), i.overdue],
        version: i.version,
        assignee: i.assignee_id,
        times: [i.started_at, i.closed_at],
        satisfaction: i.satisfaction,
      });
    }
  });

  it('writes an absorb event on the original of every merged duplicate', () => {
    const byCode = new Map(incidents.map((i) => [i.code, i]));
    const merged = incidents.filter((i) => i.status === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) {
      const original = byCode.get(m.duplicate_code ?? '');
      const absorbed = (events.get(original?.id ?? 0) ?? []).filter((e) => e.type === 'absorb');
      expect(absorbed.map((e) => e.payload.from)).toContain(m.code);
    }
  });

  it('has seeded urgent calls with on-site deadlines, and overdue events where they were missed', () => {
    const urgent = incidents.filter((i) => i.on_site_deadline !== null);
    expect(urgent.some((i) => i.category === 'emergency')).toBe(true);
    const late = incidents.filter((i) => i.overdue);
    expect(late.length).toBeGreaterThan(0);
    for (const i of late) {
      const types = (events.get(i.id) ?? []).map((e) => e.type);
      for (const clock of i.overdue_clocks) expect(types).toContain(`${clock}_overdue`);
    }
  });

  it('leaves nothing for the live SLA sweep at the seed clock', async () => {
    expect(await sweepOverdue(db().pool, TEST_SEED.now)).toBe(0);
  });
});
