import { describe, expect, it } from 'vitest';
import type { Member } from '../../../../../web/domain/wall-data';
import { focusOfIncident } from '../../../../../web/features/wall-screen/incident-focus';
import { keyFigureValues } from '../../../../../web/features/wall-screen/key-figure-values';

function member(id: string, onDuty: boolean, positioned: boolean): Member {
  return {
    id,
    name: id,
    role: 'full_time',
    streetCode: '370871001000',
    communityCode: '370871001001',
    onDuty,
    gridCodes: [],
    positionAt: null,
    lng: positioned ? 116.6 : null,
    lat: positioned ? 35.4 : null,
  };
}

describe('the on-duty figure', () => {
  it('reads on duty over all members, those without a position included', () => {
    const members = [member('a', true, true), member('b', false, false), member('c', true, false)];
    const layers = { grids: [], cameras: [], servicePoints: [], members };
    const values = keyFigureValues(layers, true, undefined);
    expect(values.membersOnDuty).toBe(2);
    expect(values.membersTotal).toBe(3);
    expect(keyFigureValues(layers, false, undefined).membersTotal).toBeUndefined();
  });
});

describe('a feed pick', () => {
  it("flies to the incident's point, with a new key each time", () => {
    const incident = { code: 'SJ20260601000001', lng: 116.61, lat: 35.41 };
    const first = focusOfIncident(incident, 1);
    expect(first).toMatchObject({ center: [116.61, 35.41] });
    expect(focusOfIncident(incident, 2).key).not.toBe(first.key);
  });
});
