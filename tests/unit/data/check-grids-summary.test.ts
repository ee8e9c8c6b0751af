import { describe, expect, it } from 'vitest';
import type { GridQualityReport } from '../../../api/contract/quality';
import { SUMMARY_LISTED, summariseGridQuality } from '../../../data/check-grids-summary';

const polygon = { type: 'Polygon' as const, coordinates: [] };
const clean: GridQualityReport = {
  gaps: [],
  overlaps: [],
  outside: [],
  buildings: [],
  clean: true,
};

describe('summariseGridQuality', () => {
  it('says a clean district is clean, in Chinese first', () => {
    const text = summariseGridQuality(clean);
    expect(text.split('\n')[0]).toMatch(/^网格拓扑检查通过.*Grid topology is clean/);
    expect(text).toContain('网格缝隙 gaps: 0');
  });

  it('lists the largest problems with codes and areas, and how many more there are', () => {
    const gaps = Array.from({ length: SUMMARY_LISTED + 2 }, (_, i) => ({
      communityCode: `37087100100${i}`,
      areaM2: 1000 - i,
      geometry: polygon,
    }));
    const text = summariseGridQuality({
      ...clean,
      gaps,
      overlaps: [
        { gridCodes: ['370871001001001', '370871001001002'], areaM2: 25_000, geometry: polygon },
      ],
      buildings: [{ buildingId: 7, name: '1号楼', gridCodes: [], problem: 'no_grid' }],
      clean: false,
    });
    expect(text).toMatch(/^网格拓扑检查发现问题/);
    expect(text).toContain('网格缝隙 gaps: 7');
    expect(text).toContain('社区 community 370871001000  1000.0 m²');
    expect(text).not.toContain('370871001005');
    expect(text).toContain('另有 2 处 and 2 more');
    expect(text).toContain('网格 grids 370871001001001 × 370871001001002  2.50 ha');
    expect(text).toContain('#7 1号楼: 不在任何网格 in no grid');
  });
});
