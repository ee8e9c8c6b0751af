import { describe, expect, it } from 'vitest';
import type { DutyStreet } from '../../../../../api/contract/stats';
import {
  layoutRoster,
  leaderNames,
  totalRoster,
} from '../../../../../web/features/duty-roster/duty-rows';

const street = (n: number): DutyStreet => ({
  code: `3708710${String(n).padStart(2, '0')}000`,
  name: `街道${n}`,
  leaders: { onDuty: 1, total: 3, names: [`网格长${n}`] },
  members: { onDuty: 2, total: 10 },
});

describe('layoutRoster', () => {
  it('shows a lone street without a total', () => {
    expect(layoutRoster([street(1)])).toEqual({ total: null, streets: [street(1)], more: 0 });
  });

  it('puts several streets under their total when they fit', () => {
    const streets = [1, 2, 3, 4, 5].map(street);
    const layout = layoutRoster(streets, 6);
    expect(layout.streets).toEqual(streets);
    expect(layout.more).toBe(0);
    expect(layout.total).toMatchObject({
      leaders: { onDuty: 5, total: 15 },
      members: { onDuty: 10, total: 50 },
    });
  });

  it('keeps a line to say how many streets did not fit', () => {
    const layout = layoutRoster([1, 2, 3, 4, 5, 6, 7].map(street), 6);
    expect(layout.streets).toHaveLength(4);
    expect(layout.more).toBe(3);
    expect(layout.total).toEqual(totalRoster([1, 2, 3, 4, 5, 6, 7].map(street)));
  });
});

describe('leaderNames', () => {
  it('lists the first names and counts everyone', () => {
    expect(leaderNames(['张伟', '李娜', '王芳'], 2)).toEqual({
      zh: '张伟、李娜 等3人',
      en: '张伟, 李娜 +1',
    });
    expect(leaderNames(['张伟'], 2)).toEqual({ zh: '张伟', en: '张伟' });
    expect(leaderNames([], 2)).toEqual({ zh: '—', en: '—' });
  });
});
