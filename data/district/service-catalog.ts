import type { ServiceCategory } from '../../api/contract/codes';

/**
 * How many service points of each life-circle category (GB 50180-2018, TD/T 1062-2021) a
 * community or street gets: `base` per community (per street when `street` is set) plus
 * `perTenThousand` per 10,000 residents; commerce follows density. `thin` applies to the
 * villages deliberately left short of services, so coverage analysis finds gaps.
 */
export interface CategorySpec {
  readonly label: string;
  readonly villageLabel?: string;
  readonly street?: boolean;
  readonly urban: number;
  readonly village: number;
  readonly thin: number;
  readonly perTenThousand: number;
  readonly commerce?: boolean;
  readonly capacity: readonly [number, number] | null;
  readonly hours: string;
}

const ALWAYS = '24/7';
const OFFICE = 'Mo-Fr 08:30-17:30; Sa 09:00-12:00';

/** The catalogue of all twenty categories. */
export const SERVICE_CATALOG: Readonly<Record<ServiceCategory, CategorySpec>> = {
  party_service_center: {
    label: '党群服务中心',
    urban: 1,
    village: 1,
    thin: 1,
    perTenThousand: 0,
    capacity: null,
    hours: OFFICE,
  },
  health_center: {
    label: '社区卫生服务中心',
    street: true,
    urban: 1,
    village: 0,
    thin: 0,
    perTenThousand: 0.1,
    capacity: [30, 120],
    hours: 'Mo-Su 08:00-17:30',
  },
  health_station: {
    label: '卫生服务站',
    villageLabel: '卫生室',
    urban: 1,
    village: 1,
    thin: 0,
    perTenThousand: 0.5,
    capacity: null,
    hours: 'Mo-Su 08:00-18:00',
  },
  elderly_care: {
    label: '日间照料中心',
    villageLabel: '幸福院',
    urban: 1,
    village: 0.5,
    thin: 0,
    perTenThousand: 0.5,
    capacity: [20, 80],
    hours: 'Mo-Su 08:00-18:00',
  },
  elderly_canteen: {
    label: '长者食堂',
    urban: 0.8,
    village: 0.3,
    thin: 0,
    perTenThousand: 0.3,
    capacity: [40, 150],
    hours: 'Mo-Su 10:30-13:00,16:30-18:30',
  },
  nursery: {
    label: '托育园',
    urban: 0.5,
    village: 0,
    thin: 0,
    perTenThousand: 0.6,
    capacity: [30, 120],
    hours: 'Mo-Fr 07:30-18:00',
  },
  kindergarten: {
    label: '幼儿园',
    urban: 0.8,
    village: 0.3,
    thin: 0,
    perTenThousand: 0.8,
    capacity: [180, 360],
    hours: 'Mo-Fr 07:30-17:30',
  },
  primary_school: {
    label: '小学',
    street: true,
    urban: 1,
    village: 0,
    thin: 0,
    perTenThousand: 0.6,
    capacity: [900, 2400],
    hours: 'Mo-Fr 07:30-17:30',
  },
  middle_school: {
    label: '中学',
    street: true,
    urban: 0.5,
    village: 0,
    thin: 0,
    perTenThousand: 0.25,
    capacity: [1200, 3000],
    hours: 'Mo-Fr 07:00-18:00',
  },
  supermarket: {
    label: '超市',
    urban: 1,
    village: 0.3,
    thin: 0,
    perTenThousand: 1,
    commerce: true,
    capacity: null,
    hours: 'Mo-Su 08:00-22:00',
  },
  convenience_store: {
    label: '便利店',
    urban: 1,
    village: 1,
    thin: 0.5,
    perTenThousand: 3,
    commerce: true,
    capacity: null,
    hours: 'Mo-Su 07:00-23:00',
  },
  breakfast: {
    label: '早餐店',
    urban: 1,
    village: 0.3,
    thin: 0,
    perTenThousand: 2.5,
    commerce: true,
    capacity: null,
    hours: 'Mo-Su 05:30-10:00',
  },
  pharmacy: {
    label: '药店',
    urban: 1,
    village: 0.3,
    thin: 0,
    perTenThousand: 1.2,
    commerce: true,
    capacity: null,
    hours: 'Mo-Su 08:00-22:00',
  },
  parcel_station: {
    label: '快递驿站',
    urban: 1,
    village: 0.8,
    thin: 0,
    perTenThousand: 1.5,
    commerce: true,
    capacity: null,
    hours: 'Mo-Su 08:00-20:00',
  },
  fire_station: {
    label: '微型消防站',
    urban: 1,
    village: 0.4,
    thin: 0,
    perTenThousand: 0,
    capacity: null,
    hours: ALWAYS,
  },
  first_aid: {
    label: '红十字救护站',
    urban: 0.3,
    village: 0,
    thin: 0,
    perTenThousand: 0.2,
    capacity: null,
    hours: ALWAYS,
  },
  police_room: {
    label: '警务室',
    urban: 0.6,
    village: 0.3,
    thin: 0,
    perTenThousand: 0.2,
    capacity: null,
    hours: ALWAYS,
  },
  mediation_center: {
    label: '和为贵调解室',
    urban: 1,
    village: 0.8,
    thin: 0,
    perTenThousand: 0,
    capacity: null,
    hours: OFFICE,
  },
  culture_center: {
    label: '文化活动中心',
    villageLabel: '文化大院',
    urban: 0.8,
    village: 0.5,
    thin: 0,
    perTenThousand: 0.2,
    capacity: [50, 300],
    hours: 'Mo-Su 08:00-21:00',
  },
  fitness: {
    label: '健身广场',
    urban: 1,
    village: 0.6,
    thin: 0.3,
    perTenThousand: 1,
    capacity: null,
    hours: 'Mo-Su 05:00-22:00',
  },
};

/** Share of villages left thin on services. */
export const THIN_VILLAGE_SHARE = 0.3;
