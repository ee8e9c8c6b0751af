import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../../api/contract/stream';
import {
  applyIncidentEvent,
  applyMemberEvent,
  extendTrails,
  TRAIL_LENGTH,
  upsertIncident,
} from '../../../../web/domain/live-updates';
import type { MemberPoint } from '../../../../web/domain/wall-data';
import { incident, NOW } from './incident-fixture';

function event(overrides: Partial<StreamEvent>): StreamEvent {
  return {
    seq: 1,
    topic: 'incidents',
    type: 'accept',
    subject: 'SJ20260601000001',
    streetCode: '110105001000',
    fromStatus: 'reported',
    toStatus: 'accepted',
    actor: 'user:op',
    note: null,
    at: new Date(NOW).toISOString(),
    alert: false,
    payload: { status: 'accepted', severity: 'low', category: 'city_appearance', version: 2 },
    ...overrides,
  };
}

const member: MemberPoint = {
  id: 'M001',
  name: '张三',
  role: 'full_time',
  streetCode: '110105001000',
  communityCode: '110105001001',
  onDuty: true,
  positionAt: null,
  lng: 116.4,
  lat: 39.9,
};

const position = (lng: number) =>
  event({
    topic: 'members',
    type: 'position',
    subject: 'M001',
    payload: { lng, lat: 39.91, onDuty: true, at: new Date(NOW).toISOString() },
  });

describe('applyIncidentEvent', () => {
  it('patches the incident the event is about with the state it carries', () => {
    const list = [incident(), incident({ code: 'SJ20260601000002' })];
    const next = applyIncidentEvent(list, event({}));
    expect(next?.[0]?.status).toBe('accepted');
    expect(next?.[1]).toBe(list[1]);
    expect(list[0]?.status).toBe('reported');
  });

  it('marks a missed deadline as overdue and a close with its time', () => {
    const overdue = applyIncidentEvent([incident()], event({ type: 'accept_overdue' }));
    expect(overdue?.[0]?.overdue).toBe(true);
    const closed = applyIncidentEvent(
      [incident()],
      event({ type: 'close', payload: { status: 'closed' } }),
    );
    expect(closed?.[0]?.closedAt).toBe(NOW);
  });

  it('answers null for an incident the list does not hold, so the caller fetches it', () => {
    expect(applyIncidentEvent([incident()], event({ subject: 'SJ20260601000009' }))).toBeNull();
  });
});

describe('upsertIncident', () => {
  it('adds a new incident and replaces one with the same code', () => {
    const list = [incident()];
    expect(upsertIncident(list, incident({ code: 'SJ20260601000002' }))).toHaveLength(2);
    const replaced = upsertIncident(list, incident({ status: 'accepted' }));
    expect(replaced.map((i) => i.status)).toEqual(['accepted']);
  });
});

describe('member positions', () => {
  it('move the member and keep the last TRAIL_LENGTH points of the trail', () => {
    expect(applyMemberEvent([member], position(116.41))?.[0]).toMatchObject({
      lng: 116.41,
      lat: 39.91,
      positionAt: NOW,
    });
    let trails: ReadonlyMap<string, [number, number][]> = new Map();
    for (let i = 0; i < TRAIL_LENGTH + 5; i += 1) trails = extendTrails(trails, position(116 + i));
    const trail = trails.get('M001') ?? [];
    expect(trail).toHaveLength(TRAIL_LENGTH);
    expect(trail.at(-1)).toEqual([116 + TRAIL_LENGTH + 4, 39.91]);
  });

  it('leave incidents and unknown members alone', () => {
    expect(applyMemberEvent([member], event({}))).toBeNull();
    expect(applyMemberEvent([member], { ...position(116.41), subject: 'M999' })).toBeNull();
    const trails = new Map();
    expect(extendTrails(trails, event({}))).toBe(trails);
  });
});
