import { describe, expect, it } from 'vitest';
import {
  circleGroups,
  describeDistance,
  levelMark,
  walkingMinutes,
} from '../../../../web/domain/life-circle-labels';

describe('circleGroups', () => {
  it('groups the twenty categories by circle, nearest first', () => {
    const groups = circleGroups();
    expect(groups.map((g) => [g.circle, g.distanceM])).toEqual([
      ['5min', 300],
      ['10min', 500],
      ['15min', 1000],
    ]);
    expect(groups.flatMap((g) => g.categories)).toHaveLength(20);
    expect(groups[1]?.categories).toEqual(['primary_school', 'supermarket']);
  });
});

describe('levelMark', () => {
  it('marks basic categories ● and optional ones ○', () => {
    expect(levelMark('kindergarten')).toBe('●');
    expect(levelMark('nursery')).toBe('○');
  });
});

describe('walking minutes', () => {
  it('walks 60 metres a minute', () => {
    expect(walkingMinutes(300)).toBe(5);
    expect(walkingMinutes(500)).toBe(8.3);
    expect(describeDistance(1000)).toEqual({
      zh: '1000 米 · 16.7 分钟',
      en: '1000 m · 16.7 min',
    });
  });
});
