import type { CameraKind, SeedScale } from '../../api/contract/codes';

/** Everything that differs between the `small`, `district` and `city` demo districts. */
export interface ScaleConfig {
  readonly scale: SeedScale;
  /** West, south, east, north in degrees. */
  readonly bbox: readonly [number, number, number, number];
  /** Lattice cells west→east and north→south; every cell is one grid. */
  readonly columns: number;
  readonly rows: number;
  readonly streetCount: number;
  /** Target number of cells (grids) per community. */
  readonly communityCells: number;
  /** Communities whose centre lies beyond this normalised radius become villages. */
  readonly villageRadius: number;
  /** How much smaller centre cells are than edge cells (0 = uniform lattice). */
  readonly densityWarp: number;
  readonly shopGrids: number;
  readonly meanShopsPerShopGrid: number;
  /** Dense grids hold 300–500 households (a street's base grids); sparse ones ~154 people. */
  readonly denseGrids: boolean;
  readonly residentsPerResidentialGrid: number;
  readonly residentsPerVillageGrid: number;
  /** Grids per leader, per village grid member, per professional; helpers per grid. */
  readonly leaderSpan: number;
  readonly villageMemberSpan: number;
  readonly professionalSpan: number;
  readonly helpersPerGrid: number;
  readonly cameras: Readonly<Record<CameraKind, number>>;
  readonly incidentsPerDay: number;
  readonly historyDays: number;
  readonly bridges: number;
  readonly riverHalfWidthM: number;
}

const DISTRICT: ScaleConfig = {
  scale: 'district',
  bbox: [116.55, 35.3, 116.8, 35.5],
  columns: 46,
  rows: 44,
  streetCount: 5,
  communityCells: 25,
  villageRadius: 0.95,
  densityWarp: 0.25,
  shopGrids: 118,
  meanShopsPerShopGrid: 45,
  denseGrids: false,
  residentsPerResidentialGrid: 185,
  residentsPerVillageGrid: 95,
  leaderSpan: 6,
  villageMemberSpan: 2,
  professionalSpan: 12,
  helpersPerGrid: 0.2,
  cameras: {
    skynet: 3462,
    e_police: 906,
    checkpoint: 605,
    parking: 1378,
    high_point: 36,
    community: 640,
  },
  incidentsPerDay: 270,
  historyDays: 90,
  bridges: 4,
  riverHalfWidthM: 20,
};

const SMALL: ScaleConfig = {
  ...DISTRICT,
  scale: 'small',
  bbox: [116.647, 35.382, 116.703, 35.418],
  columns: 10,
  rows: 8,
  streetCount: 1,
  communityCells: 20,
  villageRadius: Number.POSITIVE_INFINITY,
  densityWarp: 0.15,
  shopGrids: 5,
  meanShopsPerShopGrid: 45,
  denseGrids: true,
  leaderSpan: 2,
  professionalSpan: 5,
  helpersPerGrid: 1,
  cameras: {
    skynet: 138,
    e_police: 36,
    checkpoint: 24,
    parking: 55,
    high_point: 3,
    community: 40,
  },
  incidentsPerDay: 22,
  bridges: 2,
};

const CITY: ScaleConfig = {
  ...DISTRICT,
  scale: 'city',
  bbox: [116.275, 35.08, 117.075, 35.72],
  columns: 146,
  rows: 140,
  streetCount: 50,
  shopGrids: 1180,
  cameras: {
    skynet: 34620,
    e_police: 9060,
    checkpoint: 6050,
    parking: 13780,
    high_point: 360,
    community: 6400,
  },
  incidentsPerDay: 2700,
  bridges: 12,
};

/** Scale parameters by name. */
export const SCALE_CONFIGS: Readonly<Record<SeedScale, ScaleConfig>> = {
  small: SMALL,
  district: DISTRICT,
  city: CITY,
};
