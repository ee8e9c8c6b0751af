import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES } from '../../../../api/contract/codes';
import { INCIDENT_CATALOG } from '../../../../data/district/incident-catalog';
import { createRandom } from '../../../../data/district/random';
import { draftReport, gridPicker, reportsDue } from '../../../../data/simulator/reports';

describe('simulated reports', () => {
  it('come in the catalog mix, from sources that report such things', () => {
    const random = createRandom(5, 'test');
    const drafts = Array.from({ length: 3000 }, () => draftReport(random));
    const share = (category: string) =>
      drafts.filter((d) => d.category === category).length / drafts.length;
    expect(share('city_appearance')).toBeGreaterThan(share('urgent_help') * 4);
    expect(new Set(drafts.map((d) => d.category))).toEqual(new Set(INCIDENT_CATEGORIES));
    for (const draft of drafts) {
      const spec = INCIDENT_CATALOG[draft.category];
      expect(spec.sources[draft.source]).toBeGreaterThan(0);
      expect(spec.severities[draft.severity]).toBeGreaterThan(0);
      expect(draft.source).not.toBe('iot');
      expect(spec.descriptions.some((d) => draft.description.endsWith(d))).toBe(true);
    }
    expect(drafts.some((d) => d.source === 'hotline' && d.description.startsWith('12345'))).toBe(
      true,
    );
  });

  it('arrive at the configured rate on average', () => {
    const random = createRandom(6, 'test');
    const total = Array.from({ length: 600 }, () => reportsDue(12, 2, random)).reduce(
      (a, b) => a + b,
      0,
    );
    // 12 a minute for 20 minutes.
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(280);
    expect(reportsDue(12, 0, random)).toBe(0);
  });

  it('happen in grids in proportion to their population', () => {
    const pick = gridPicker([
      { code: 'a', population: 100 },
      { code: 'b', population: 900 },
      { code: 'shop', population: 0 },
    ]);
    const random = createRandom(7, 'test');
    const picks = Array.from({ length: 5000 }, () => pick(random));
    const count = (code: string) => picks.filter((p) => p === code).length;
    expect(count('b') / count('a')).toBeGreaterThan(7);
    expect(count('b') / count('a')).toBeLessThan(11);
    expect(count('shop')).toBeGreaterThan(0);
  });
});
