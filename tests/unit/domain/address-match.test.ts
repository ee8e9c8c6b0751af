import { describe, expect, it } from 'vitest';
import {
  distanceM,
  matchAddress,
  type NamedArea,
  ROAD_PRECISE_SPAN_M,
  type RoadSegment,
} from '../../../api/domain/address-match';

/** About 100 m of longitude at 35°N. */
const STEP = 0.0011;

function area(level: NamedArea['level'], code: string, name: string, street = 'S1'): NamedArea {
  const community = level === 'street' ? null : level === 'community' ? code : code.slice(0, 3);
  return {
    level,
    code,
    name,
    communityCode: community,
    communityName: community ? `${community}社区` : null,
    streetCode: street,
    lng: 116.6,
    lat: 35.4,
  };
}

/** A segment of `name` about 100 m long starting `index` steps east of 116.6°E. */
function segment(name: string, index: number, community: string, grid = `${community}-g`) {
  const west = 116.6 + index * STEP;
  return {
    name,
    lng: west + STEP / 2,
    lat: 35.4,
    gridCode: grid,
    communityCode: community,
    communityName: `${community}社区`,
    streetCode: 'S1',
    bbox: [west, 35.4, west + STEP, 35.4],
  } satisfies RoadSegment;
}

describe('matchAddress', () => {
  it('places a short road at the middle of one of its segments', () => {
    const road = [segment('短巷', 0, 'C1'), segment('短巷', 1, 'C1')];
    const match = matchAddress('短巷3号门口', [], road);
    expect(match).toMatchObject({ kind: 'placed', matched: '短巷' });
    if (match.kind !== 'placed') return;
    expect(road.some((s) => s.lng === match.lng)).toBe(true);
  });

  it('answers a long road across communities with one candidate per community, on the road', () => {
    const road = [0, 1, 2, 3, 4, 5].map((i) => segment('诗仙路', i, i < 3 ? 'C1' : 'C2'));
    const match = matchAddress('诗仙路', [], road);
    expect(match.kind).toBe('ambiguous');
    if (match.kind !== 'ambiguous') return;
    expect(match.candidates.map((c) => c.communityCode)).toEqual(['C1', 'C2']);
    for (const candidate of match.candidates) {
      const on = road.filter((s) => s.communityCode === candidate.communityCode);
      expect(on.some((s) => s.lng === candidate.lng)).toBe(true);
    }
  });

  it('answers a long road inside one community with one candidate per grid', () => {
    const road = [0, 1, 2, 3, 4].map((i) => segment('长街', i, 'C1', i < 2 ? 'G1' : 'G2'));
    const match = matchAddress('长街', [], road);
    expect(match.kind).toBe('ambiguous');
    if (match.kind !== 'ambiguous') return;
    expect(match.candidates.map((c) => c.gridCode)).toEqual(['G1', 'G2']);
  });

  it('places a long road on its part inside the community the address also names', () => {
    const road = [0, 1, 2, 3, 4, 5].map((i) => segment('诗仙路', i, i < 3 ? 'C1' : 'C2'));
    const match = matchAddress('凤凰社区诗仙路', [area('community', 'C2', '凤凰社区')], road);
    expect(match.kind).toBe('placed');
    if (match.kind !== 'placed') return;
    expect(road.find((s) => s.lng === match.lng)?.communityCode).toBe('C2');
  });

  it('says a road does not pass a named community, listing where it does', () => {
    const road = [0, 1, 2, 3].map((i) => segment('诗仙路', i, 'C1'));
    const match = matchAddress('凤凰社区诗仙路', [area('community', 'C9', '凤凰社区')], road);
    expect(match).toMatchObject({ kind: 'ambiguous', reason: expect.stringContaining('凤凰社区') });
  });

  it('answers a name several places share with each of them, unless a wider name narrows it', () => {
    const twins = [
      area('community', 'C1', '新村社区', 'S1'),
      area('community', 'C2', '新村社区', 'S2'),
    ];
    expect(matchAddress('新村社区', twins, [])).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ communityCode: 'C1' }, { communityCode: 'C2' }],
    });
    const street = area('street', 'S2', '东关街道', 'S2');
    expect(matchAddress('东关街道新村社区', [...twins, street], [])).toMatchObject({
      kind: 'placed',
      matched: '新村社区',
    });
  });

  it('takes the longest name: a grid hides its community, a road named after a grid hides both', () => {
    const areas = [area('grid', 'C1-007', '海河社区第7网格'), area('community', 'C1', '海河社区')];
    expect(matchAddress('海河社区第7网格', areas, [])).toMatchObject({
      kind: 'placed',
      matched: '海河社区第7网格',
    });
    const path = [segment('海河社区第7网格1号楼步道', 0, 'C1')];
    expect(matchAddress('海河社区第7网格1号楼步道', areas, path)).toMatchObject({
      kind: 'placed',
      matched: '海河社区第7网格1号楼步道',
    });
  });

  it('knows nothing of an address naming no place', () => {
    expect(matchAddress('火星基地一号', [], [])).toEqual({ kind: 'unknown' });
  });

  it('counts a road as long from just over the precise span', () => {
    const segments = Math.ceil(ROAD_PRECISE_SPAN_M / 100) + 1;
    const road = Array.from({ length: segments }, (_, i) => segment('中路', i, 'C1'));
    expect(distanceM([road[0]!.bbox[0], 35.4], [road.at(-1)!.bbox[2], 35.4])).toBeGreaterThan(
      ROAD_PRECISE_SPAN_M,
    );
    expect(matchAddress('中路', [], road).kind).toBe('ambiguous');
    expect(matchAddress('中路', [], road.slice(0, 2)).kind).toBe('placed');
  });
});
