import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import { MEMBER_COLOURS, type Rgba } from '../../domain/map-colours';
import type { LngLat, MemberPoint } from '../../domain/wall-data';

/** Stable ids of the member layers. */
export const MEMBER_TRAIL_LAYER_ID = 'deck-member-trails';
export const MEMBER_LAYER_ID = 'deck-members';

/** Where the style's own members would be: above cameras, below incidents. */
const BEFORE = { beforeId: LAYER_IDS.members };

/** View state of the member layers. */
export interface MemberLayerState {
  visible: boolean;
  zoom: number;
  /**
   * Screen size factor: 1 at 1080p, `innerHeight / 1080` on a taller wall. Multiplies every
   * size in pixels, so points and lines keep pace with the rem-sized panels; metres stay.
   */
  scale: number;
}

/** A member's recent path with a colour per vertex, fading towards the oldest. */
export interface MemberTrail {
  id: string;
  path: LngLat[];
  colours: Rgba[];
}

/** Alpha of a trail's oldest vertex; the newest has the trail colour's own. */
const TRAIL_TAIL_ALPHA = 16;

/**
 * Trails as PathLayer data, oldest position first: each vertex's alpha rises from faint at
 * the tail to full at the member. Trails of fewer than two positions are left out.
 */
export function toMemberTrails(trails: ReadonlyMap<string, readonly LngLat[]>): MemberTrail[] {
  const [r, g, b, head] = MEMBER_COLOURS.trail;
  return [...trails]
    .filter(([, path]) => path.length >= 2)
    .map(([id, path]) => ({
      id,
      path: [...path],
      colours: path.map((_, i): Rgba => {
        const t = i / (path.length - 1);
        return [r, g, b, Math.round(TRAIL_TAIL_ALPHA + (head - TRAIL_TAIL_ALPHA) * t)];
      }),
    }));
}

const trailCache = new WeakMap<ReadonlyMap<string, readonly LngLat[]>, MemberTrail[]>();
const orderCache = new WeakMap<readonly MemberPoint[], MemberPoint[]>();

function trailsOf(trails: ReadonlyMap<string, readonly LngLat[]>): MemberTrail[] {
  let data = trailCache.get(trails);
  if (!data) {
    data = toMemberTrails(trails);
    trailCache.set(trails, data);
  }
  return data;
}

/** Off-duty members first, so on-duty ones are drawn on top. */
function drawOrder(members: readonly MemberPoint[]): MemberPoint[] {
  let ordered = orderCache.get(members);
  if (!ordered) {
    ordered = [...members].sort((a, b) => Number(a.onDuty) - Number(b.onDuty));
    orderCache.set(members, ordered);
  }
  return ordered;
}

/**
 * Below this zoom (the whole district or a street) members are drawn sparse: on-duty ones only,
 * as small dots without rings or trails, under the incidents' density hexagons' colour.
 */
export const MEMBER_DETAIL_ZOOM = 13.5;

/** Radius factor and opacity of the sparse district-zoom dots. */
const SPARSE_RADIUS = 0.45;
const SPARSE_OPACITY = 0.55;

const onDutyCache = new WeakMap<readonly MemberPoint[], MemberPoint[]>();

/** On-duty members only, for the sparse view. */
function onDutyOf(members: readonly MemberPoint[]): MemberPoint[] {
  let onDuty = onDutyCache.get(members);
  if (!onDuty) {
    onDuty = members.filter((member) => member.onDuty);
    onDutyCache.set(members, onDuty);
  }
  return onDuty;
}

/** Point size factor, a little larger zoomed in (a uniform: no attribute update). */
function pointScale(zoom: number): number {
  return Math.min(Math.max(1 + (zoom - 13) * 0.2, 0.8), 1.8);
}

/**
 * Grid members' trails (`trails` by member id, oldest position first) and positions: on duty
 * bright cyan ringed white, off duty small and grey; sparse below {@link MEMBER_DETAIL_ZOOM}
 * so the incidents stay visible. Picking `deck-members` gives the
 * MemberPoint.
 */
export function buildMemberLayers(
  members: readonly MemberPoint[],
  trails: ReadonlyMap<string, readonly LngLat[]>,
  state: MemberLayerState,
): Layer[] {
  const sparse = state.zoom < MEMBER_DETAIL_ZOOM;
  return [
    new PathLayer<MemberTrail>({
      id: MEMBER_TRAIL_LAYER_ID,
      data: trailsOf(trails),
      visible: state.visible && !sparse,
      ...BEFORE,
      getPath: (trail) => trail.path,
      getColor: (trail) => trail.colours,
      getWidth: 3 * state.scale,
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: true,
    }),
    new ScatterplotLayer<MemberPoint>({
      id: MEMBER_LAYER_ID,
      data: sparse ? onDutyOf(members) : drawOrder(members),
      visible: state.visible,
      opacity: sparse ? SPARSE_OPACITY : 1,
      ...BEFORE,
      pickable: true,
      getPosition: (member) => [member.lng, member.lat],
      getFillColor: (member) => (member.onDuty ? MEMBER_COLOURS.onDuty : MEMBER_COLOURS.offDuty),
      getRadius: (member) => (member.onDuty ? 5 : 3.5),
      radiusUnits: 'pixels',
      radiusScale: pointScale(state.zoom) * state.scale * (sparse ? SPARSE_RADIUS : 1),
      stroked: !sparse,
      getLineColor: MEMBER_COLOURS.outline,
      getLineWidth: (member) => (member.onDuty ? 1.5 : 0),
      lineWidthUnits: 'pixels',
      lineWidthScale: state.scale,
    }),
  ];
}
