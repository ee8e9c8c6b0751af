import type { Layer } from '@deck.gl/core';
import { IconLayer, PolygonLayer } from '@deck.gl/layers';
import { circle, sector } from '@turf/turf';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import { CAMERA_STATUS_COLOURS, type Rgba } from '../../domain/map-colours';
import type { CameraPoint, LngLat } from '../../domain/wall-data';
import { CAMERA_ICONS, ICON_LOAD_OPTIONS } from '../icons';

/** Stable ids of the camera layers. */
export const CAMERA_LAYER_ID = 'deck-cameras';
export const CAMERA_CONE_LAYER_ID = 'deck-camera-cones';

/**
 * Below this zoom (a whole street or more on screen) only highlighted cameras are drawn, so the
 * district view stays calm; from the other, every camera's view.
 */
export const CAMERA_MIN_ZOOM = 14;
export const CAMERA_CONE_MIN_ZOOM = 16;

/** Cones lie flat under every point layer; camera icons sit where the style's cameras would. */
const CONES_BEFORE = { beforeId: LAYER_IDS.servicePoints };
const ICONS_BEFORE = { beforeId: LAYER_IDS.cameras };

/** View state of the camera layers. */
export interface CameraLayerState {
  visible: boolean;
  zoom: number;
  /** Camera codes to show at every zoom, larger and with their view (e.g. near an incident). */
  highlighted: ReadonlySet<string>;
  /**
   * Screen size factor: 1 at 1080p, `innerHeight / 1080` on a taller wall. Multiplies every
   * size in pixels, so points and lines keep pace with the rem-sized panels; metres stay.
   */
  scale: number;
}

/** Vertices along a cone's arc; enough for a smooth edge at street zoom. */
const ARC_STEPS = 24;

/**
 * The ground a camera sees, as a closed ring: a sector of `rangeM` metres centred on its
 * heading (degrees clockwise from north) and `fov` degrees wide; a full circle at fov ≥ 360.
 * Empty for a camera without range.
 */
export function cameraCone(
  camera: Pick<CameraPoint, 'lng' | 'lat' | 'heading' | 'fov' | 'rangeM'>,
): LngLat[] {
  const { lng, lat, heading, fov, rangeM } = camera;
  if (!(rangeM > 0) || !(fov > 0)) return [];
  const options = { units: 'meters', steps: ARC_STEPS } as const;
  const polygon =
    fov >= 360
      ? circle([lng, lat], rangeM, { ...options, steps: ARC_STEPS * 2 })
      : sector([lng, lat], rangeM, heading - fov / 2, heading + fov / 2, options);
  return (polygon.geometry.coordinates[0] ?? []).map(([x = lng, y = lat]) => [x, y]);
}

/** A camera with its view cone. */
interface Cone {
  camera: CameraPoint;
  ring: LngLat[];
}

const coneCache = new WeakMap<CameraPoint, Cone>();
const allConesCache = new WeakMap<readonly CameraPoint[], Cone[]>();

function coneOf(camera: CameraPoint): Cone {
  let cone = coneCache.get(camera);
  if (!cone) {
    cone = { camera, ring: cameraCone(camera) };
    coneCache.set(camera, cone);
  }
  return cone;
}

function allCones(cameras: readonly CameraPoint[]): Cone[] {
  let cones = allConesCache.get(cameras);
  if (!cones) {
    cones = cameras.map(coneOf).filter((cone) => cone.ring.length > 0);
    allConesCache.set(cameras, cones);
  }
  return cones;
}

/** Icon size in pixels: small at district zoom, growing to street zoom. */
function iconSize(zoom: number): number {
  return Math.min(Math.max(14 + (zoom - CAMERA_MIN_ZOOM) * 3, 14), 30);
}

function withAlpha([r, g, b]: Rgba, alpha: number): Rgba {
  return [r, g, b, alpha];
}

function buildCones(
  cameras: readonly CameraPoint[],
  state: CameraLayerState,
  lit: (camera: CameraPoint) => boolean,
): Layer {
  const cones =
    state.zoom >= CAMERA_CONE_MIN_ZOOM
      ? allCones(cameras)
      : cameras
          .filter(lit)
          .map(coneOf)
          .filter((cone) => cone.ring.length > 0);
  const colour = (cone: Cone) => CAMERA_STATUS_COLOURS[cone.camera.status];
  return new PolygonLayer<Cone>({
    id: CAMERA_CONE_LAYER_ID,
    data: cones,
    visible: state.visible && cones.length > 0,
    ...CONES_BEFORE,
    getPolygon: (cone) => cone.ring,
    getFillColor: (cone) => withAlpha(colour(cone), lit(cone.camera) ? 90 : 34),
    getLineColor: (cone) => withAlpha(colour(cone), lit(cone.camera) ? 235 : 110),
    getLineWidth: (cone) => (lit(cone.camera) ? 2 : 1),
    lineWidthUnits: 'pixels',
    lineWidthScale: state.scale,
    updateTriggers: {
      getFillColor: [state.highlighted],
      getLineColor: [state.highlighted],
      getLineWidth: [state.highlighted],
    },
  });
}

/**
 * Cameras as icons (shape by kind, colour by status) and their view cones (turf `sector`):
 * every cone from zoom 16, highlighted cameras' cones always and brighter. Below zoom 14 only
 * highlighted cameras are drawn. Picking `deck-cameras` gives the CameraPoint.
 */
export function buildCameraLayers(
  cameras: readonly CameraPoint[],
  state: CameraLayerState,
): Layer[] {
  const lit = (camera: CameraPoint) => state.highlighted.has(camera.code);
  const shown = state.zoom >= CAMERA_MIN_ZOOM ? (cameras as CameraPoint[]) : cameras.filter(lit);
  return [
    buildCones(cameras, state, lit),
    new IconLayer<CameraPoint>({
      id: CAMERA_LAYER_ID,
      data: shown,
      visible: state.visible,
      ...ICONS_BEFORE,
      pickable: true,
      loadOptions: ICON_LOAD_OPTIONS,
      getPosition: (camera) => [camera.lng, camera.lat],
      getIcon: (camera) => CAMERA_ICONS[camera.kind],
      getColor: (camera) => CAMERA_STATUS_COLOURS[camera.status],
      // Relative sizes; sizeScale (a uniform) follows the zoom without recomputing attributes.
      getSize: (camera) => (lit(camera) ? 1.4 : 1),
      sizeScale: iconSize(state.zoom) * state.scale,
      sizeUnits: 'pixels',
      updateTriggers: { getSize: [state.highlighted] },
    }),
  ];
}
