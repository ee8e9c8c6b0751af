import type { GridQualityReport } from '../api/contract/quality';

/** How many of the largest gaps, overlaps and overreaching grids the summary lists. */
export const SUMMARY_LISTED = 5;

const area = (m2: number) =>
  m2 >= 10_000 ? `${(m2 / 10_000).toFixed(2)} ha` : `${m2.toFixed(1)} m²`;

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (!items.length) return [];
  const more = items.length - SUMMARY_LISTED;
  return [
    `${title}:`,
    ...items.slice(0, SUMMARY_LISTED).map((item) => `  ${line(item)}`),
    ...(more > 0 ? [`  … 另有 ${more} 处 and ${more} more`] : []),
  ];
}

/**
 * The report of the grid topology check as a person reads it on a terminal: the counts, then the
 * largest problems of each kind with their codes and areas (Chinese first, then English).
 */
export function summariseGridQuality(report: GridQualityReport): string {
  const noGrid = report.buildings.filter((b) => b.problem === 'no_grid');
  const several = report.buildings.filter((b) => b.problem === 'several_grids');
  const counts = [
    `网格缝隙 gaps: ${report.gaps.length}`,
    `网格重叠 overlaps: ${report.overlaps.length}`,
    `越界网格 grids outside their community: ${report.outside.length}`,
    `不在任何网格的建筑 buildings in no grid: ${noGrid.length}`,
    `跨多个网格的建筑 buildings in several grids: ${several.length}`,
  ];
  const verdict = report.clean
    ? '网格拓扑检查通过：全覆盖、无缝隙、不重叠。 Grid topology is clean: full cover, no gaps, no overlaps.'
    : '网格拓扑检查发现问题。 The grid topology check found problems.';
  return [
    verdict,
    ...counts.map((line) => `  ${line}`),
    ...section('最大的缝隙 Largest gaps', report.gaps, (gap) =>
      [`社区 community ${gap.communityCode}`, area(gap.areaM2)].join('  '),
    ),
    ...section('最大的重叠 Largest overlaps', report.overlaps, (overlap) =>
      [`网格 grids ${overlap.gridCodes.join(' × ')}`, area(overlap.areaM2)].join('  '),
    ),
    ...section('越界网格 Grids outside their community', report.outside, (item) =>
      [
        `网格 grid ${item.gridCode}`,
        `社区 community ${item.communityCode}`,
        area(item.areaM2),
      ].join('  '),
    ),
    ...section('建筑 Buildings', report.buildings, (building) =>
      building.problem === 'no_grid'
        ? `#${building.buildingId} ${building.name}: 不在任何网格 in no grid`
        : `#${building.buildingId} ${building.name}: 跨网格 in ${building.gridCodes.join(', ')}`,
    ),
  ].join('\n');
}
