import { describe, expect, it } from 'vitest';
import { routeLength, standing, walk, type Patrol } from '../../../api/simulator/patrol';
import { createRandom } from '../../../api/simulator/random';
import { neglected, nextAction } from '../../../api/simulator/workflow';

const route: [number, number][] = [
  [116.8, 35.5],
  [116.801, 35.5],
  [116.801, 35.501],
];
const start: Patrol = { memberId: 'm', route, position: 0, direction: 1 };

describe('patrols', () => {
  it('walk along the road and turn back at its ends', () => {
    const total = routeLength(route);
    expect(walk(start, 50).position).toBeCloseTo(50, 6);
    const turned = walk(start, total + 30);
    expect(turned.direction).toBe(-1);
    expect(turned.position).toBeCloseTo(total - 30, 6);
    const back = walk(turned, total);
    expect(back.direction).toBe(1);
    expect(back.position).toBeCloseTo(30, 6);
  });

  it('always stand on the road', () => {
    const [lng, lat] = standing(walk(start, 40));
    expect(lat).toBeCloseTo(35.5, 6);
    expect(lng).toBeGreaterThan(116.8);
    expect(lng).toBeLessThan(116.801);
  });
});

describe('the simulated command center', () => {
  it('moves incidents along the closed loop', () => {
    const random = createRandom(1);
    const open = (status: Parameters<typeof nextAction>[0]['status']) => {
      for (let n = 0; ; n += 1) {
        const code = `YP20260601${String(n).padStart(6, '0')}`;
        if (!neglected(code)) return { code, status, assigneeId: 'M1' };
      }
    };
    expect(nextAction(open('accepted'), random)).toEqual({
      action: 'dispatch',
      assigneeId: 'M1',
    });
    expect(nextAction(open('dispatched'), random)).toEqual({ action: 'start' });
    expect(nextAction(open('verified'), random)).toEqual({ action: 'close' });
    expect(nextAction(open('closed'), random)).toBeNull();
    const intake = Array.from({ length: 400 }, () => nextAction(open('reported'), random)?.action);
    expect(intake.filter((a) => a === 'reject').length).toBeGreaterThan(0);
    expect(intake.filter((a) => a === 'accept').length).toBeGreaterThan(300);
  });

  it('leaves about one incident in eight to run late', () => {
    const codes = Array.from({ length: 2000 }, (_, n) => `YP20260601${String(n).padStart(6, '0')}`);
    const share = codes.filter(neglected).length / codes.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.2);
    expect(
      nextAction(
        { code: codes.find(neglected)!, status: 'reported', assigneeId: null },
        createRandom(2),
      ),
    ).toBeNull();
  });

  it('is reproducible from its seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });
});
