import type { CommunityKind, GridKind } from '../../api/contract/codes';
import type { Block } from './lattice';
import { communityNames, streetNames, villageNames } from './names';
import { splitInteger } from './plane';
import type { Random } from './random';
import type { ScaleConfig } from './scales';

/** The county part (GB/T 2260) of every admin code: 济宁高新区. */
export const COUNTY_CODE = '370871';

/** A street (街道): a block of lattice cells. */
export interface StreetPlan {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly block: Block;
  readonly communityIndexes: number[];
}

/** A community (社区) or village (村): a block of cells inside one street. */
export interface CommunityPlan {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly streetIndex: number;
  readonly block: Block;
  readonly gridIndexes: number[];
}

/** A grid (网格): one lattice cell. Kind, households, population and shops are filled later. */
export interface GridPlan {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly communityIndex: number;
  readonly streetIndex: number;
  readonly i: number;
  readonly j: number;
  /** 0 at the district centre, about 1 at the middle of its edges. */
  readonly radius: number;
  kind: GridKind;
  households: number;
  population: number;
  shops: number;
}

/** The admin hierarchy over the lattice. */
export interface Layout {
  readonly streets: StreetPlan[];
  readonly communities: CommunityPlan[];
  readonly grids: GridPlan[];
  /** Grid index of cell (i, j) at `j * columns + i`. */
  readonly cellGrid: Int32Array;
}

/** Splits a length into `parts` integer spans of roughly equal size (±25 %). */
function splitSpan(rng: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => rng.float(0.75, 1.25));
  return splitInteger(total, weights);
}

/** Splits a block into bands (north→south), each split into pieces (west→east). */
function splitBlock(rng: Random, block: Block, bandCounts: readonly number[]): Block[] {
  const heights = splitSpan(rng, block.j1 - block.j0, bandCounts.length);
  const blocks: Block[] = [];
  let j0 = block.j0;
  bandCounts.forEach((count, band) => {
    const j1 = j0 + (heights[band] as number);
    let i0 = block.i0;
    for (const width of splitSpan(rng, block.i1 - block.i0, count)) {
      blocks.push({ i0, j0, i1: i0 + width, j1 });
      i0 += width;
    }
    j0 = j1;
  });
  return blocks;
}

function streetBlocks(config: ScaleConfig, rng: Random): Block[] {
  const n = config.streetCount;
  const bands = Math.max(1, Math.round(Math.sqrt((n * config.rows) / config.columns)));
  const perBand = rng.shuffle(
    splitInteger(
      n,
      Array.from({ length: bands }, () => 1),
    ),
  );
  return splitBlock(rng, { i0: 0, j0: 0, i1: config.columns, j1: config.rows }, perBand);
}

function communityBlocks(config: ScaleConfig, rng: Random, street: Block): Block[] {
  const side = Math.sqrt(config.communityCells);
  const bands = Math.max(1, Math.round((street.j1 - street.j0) / side));
  const across = Math.max(1, Math.round((street.i1 - street.i0) / side));
  return splitBlock(
    rng,
    street,
    Array.from({ length: bands }, () => across),
  );
}

/** Normalised distance of a lattice point (in cell units) from the district centre. */
export function latticeRadius(config: ScaleConfig, ci: number, cj: number): number {
  const dx = (ci - config.columns / 2) / (config.columns / 2);
  const dy = (cj - config.rows / 2) / (config.rows / 2);
  return Math.hypot(dx, dy);
}

interface CommunityDraft {
  streetIndex: number;
  block: Block;
  kind: CommunityKind;
  number: number;
}

function draftCommunities(config: ScaleConfig, rng: Random, blocks: Block[]): CommunityDraft[] {
  const drafts: CommunityDraft[] = [];
  blocks.forEach((street, streetIndex) => {
    let urban = 0;
    let village = 0;
    for (const block of communityBlocks(config, rng, street)) {
      const r = latticeRadius(config, (block.i0 + block.i1) / 2, (block.j0 + block.j1) / 2);
      const kind: CommunityKind =
        r + rng.float(-0.06, 0.06) > config.villageRadius ? 'village' : 'urban';
      const number = kind === 'village' ? 201 + village++ : 1 + urban++;
      drafts.push({ streetIndex, block, kind, number });
    }
  });
  return drafts;
}

/** Partitions the lattice into streets, communities and grids, and names and codes them. */
export function buildLayout(config: ScaleConfig, rng: Random): Layout {
  const blocks = streetBlocks(config, rng);
  const names = streetNames(rng, blocks.length);
  const streets: StreetPlan[] = blocks.map((block, index) => ({
    index,
    code: `${COUNTY_CODE}${String(index + 1).padStart(3, '0')}000`,
    name: names[index] as string,
    block,
    communityIndexes: [],
  }));
  const drafts = draftCommunities(config, rng, blocks);
  const urbanNames = communityNames(rng, drafts.filter((d) => d.kind === 'urban').length);
  const ruralNames = villageNames(rng, drafts.filter((d) => d.kind === 'village').length);
  const communities = drafts.map((d, index): CommunityPlan => {
    const street = streets[d.streetIndex] as StreetPlan;
    street.communityIndexes.push(index);
    return {
      index,
      code: street.code.slice(0, 9) + String(d.number).padStart(3, '0'),
      name: (d.kind === 'village' ? ruralNames.shift() : urbanNames.shift()) as string,
      kind: d.kind,
      streetIndex: d.streetIndex,
      block: d.block,
      gridIndexes: [],
    };
  });
  const cellGrid = new Int32Array(config.columns * config.rows).fill(-1);
  const grids: GridPlan[] = [];
  for (const community of communities)
    grids.push(...planGrids(config, community, cellGrid, grids.length));
  return { streets, communities, grids, cellGrid };
}

/** One grid per cell of the community, numbered west→east, north→south. */
function planGrids(
  config: ScaleConfig,
  community: CommunityPlan,
  cellGrid: Int32Array,
  firstIndex: number,
): GridPlan[] {
  const { i0, j0, i1, j1 } = community.block;
  const grids: GridPlan[] = [];
  for (let j = j0; j < j1; j++) {
    for (let i = i0; i < i1; i++) {
      const seq = grids.length + 1;
      const index = firstIndex + grids.length;
      cellGrid[j * config.columns + i] = index;
      community.gridIndexes.push(index);
      grids.push({
        index,
        code: community.code + String(seq).padStart(3, '0'),
        name: `${community.name}第${seq}网格`,
        communityIndex: community.index,
        streetIndex: community.streetIndex,
        i,
        j,
        radius: latticeRadius(config, i + 0.5, j + 0.5),
        kind: community.kind === 'village' ? 'village' : 'residential',
        households: 0,
        population: 0,
        shops: 0,
      });
    }
  }
  return grids;
}
