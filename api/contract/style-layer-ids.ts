/**
 * Ids of the layers in Yiping's styles. They are part of the interface: clients place their
 * own layers before them (the web's deck.gl overlay does) and query rendered features by them.
 */
export const LAYER_IDS = {
  background: 'background',
  land: 'basemap-land',
  water: 'basemap-water',
  waterEdge: 'basemap-water-edge',
  gridsFill: 'grids-fill',
  buildings: 'basemap-buildings',
  roadsCasing: {
    path: 'basemap-roads-path-casing',
    alley: 'basemap-roads-alley-casing',
    street: 'basemap-roads-street-casing',
    arterial: 'basemap-roads-arterial-casing',
  },
  roads: {
    path: 'basemap-roads-path',
    alley: 'basemap-roads-alley',
    street: 'basemap-roads-street',
    arterial: 'basemap-roads-arterial',
  },
  bridgesCasing: 'basemap-bridges-casing',
  bridges: 'basemap-bridges',
  gridsLine: 'grids-line',
  communityLine: 'boundaries-community-line',
  streetGlow: 'boundaries-street-glow',
  streetLine: 'boundaries-street-line',
  districtGlow: 'boundaries-district-glow',
  districtLine: 'boundaries-district-line',
  servicePoints: 'service-points',
  cameras: 'cameras',
  members: 'members',
  incidentsHalo: 'incidents-halo',
  incidents: 'incidents',
  roadLabels: 'basemap-road-labels',
  communityLabels: 'places-community',
  streetLabels: 'places-street',
  districtLabels: 'places-district',
  tiandituVector: 'tianditu-vec',
  tiandituAnnotation: 'tianditu-cva',
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];

/** Any layer id of a Yiping style. */
export type StyleLayerId = Leaves<typeof LAYER_IDS>;

/** Ids of the style's sources: our basemap, our collections and, optionally, Tianditu. */
export const SOURCE_IDS = {
  basemap: 'basemap',
  grids: 'grids',
  servicePoints: 'service-points',
  cameras: 'cameras',
  members: 'members',
  incidents: 'incidents',
  tiandituVector: 'tianditu-vec',
  tiandituAnnotation: 'tianditu-cva',
} as const;
