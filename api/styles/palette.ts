import type { CameraStatus, GridKind, RoadClass, Severity } from '../contract/codes';
import type { ServiceGroup } from '../contract/service-groups';

/** A line drawn twice: a wide, blurred glow under a sharp core (one plain line when `glowOpacity` is 0). */
export interface BoundaryColours {
  line: string;
  glow: string;
  /** Opacity of the glow; 0 draws no glow. */
  glowOpacity: number;
}

/** A label's fill and halo. */
export interface TextColours {
  text: string;
  halo: string;
}

/**
 * Every colour and opacity of a Yiping style. The layer builders take one of these and
 * nothing else, so a new look is a new palette, never a new set of layers.
 */
export interface StylePalette {
  background: string;
  /** The district's land, drawn over the background so the district stands out. */
  land: string;
  water: string;
  waterOutline: string;
  buildingLow: string;
  buildingHigh: string;
  buildingOutline: string;
  roads: Record<RoadClass, { fill: string; casing: string }>;
  bridgeCasing: string;
  gridFill: Record<GridKind, string>;
  gridFillOpacity: number;
  gridLine: string;
  district: BoundaryColours;
  street: BoundaryColours;
  community: BoundaryColours;
  /** Dash pattern of community boundaries; empty for solid. */
  communityDash: number[];
  serviceGroups: Record<ServiceGroup, string>;
  cameraStatus: Record<CameraStatus, string>;
  severity: Record<Severity, string>;
  /** Ring around points, separating them from the map below. */
  pointStroke: string;
  /** Ring around incidents that are past a deadline. */
  overdueStroke: string;
  memberOnDuty: string;
  memberOffDuty: string;
  streetLabel: TextColours;
  communityLabel: TextColours;
  roadLabel: TextColours;
}

/**
 * The wall-screen look (指挥大屏): a dark navy ground, glowing cyan and teal boundaries, bright
 * status colours. Nothing here is pure cyan (#00e5ff): the web overlay keeps that colour to
 * itself so a browser test can find deck.gl's pixels.
 */
export const DARK_PALETTE: StylePalette = {
  // Outside the district: muted slate context, lighter than the district's navy, never black.
  background: '#1c2636',
  land: '#0b1729',
  water: '#1d5f95',
  waterOutline: '#6cb6ff',
  buildingLow: '#14243a',
  buildingHigh: '#223f63',
  buildingOutline: '#1c3150',
  roads: {
    arterial: { fill: '#6f9fd0', casing: '#08111f' },
    street: { fill: '#3f6a96', casing: '#08111f' },
    alley: { fill: '#294a6c', casing: '#08111f' },
    path: { fill: '#1f3a57', casing: '#0b1729' },
  },
  bridgeCasing: '#6b93c4',
  gridFill: { residential: '#2563eb', shop: '#a855f7', village: '#16a34a' },
  gridFillOpacity: 0.16,
  gridLine: '#26466a',
  district: { line: '#8ff0ff', glow: '#22d3ee', glowOpacity: 0.45 },
  street: { line: '#2dd4bf', glow: '#14b8a6', glowOpacity: 0.35 },
  community: { line: '#1a9a8c', glow: '#1a9a8c', glowOpacity: 0 },
  communityDash: [],
  serviceGroups: {
    governance: '#f43f5e',
    health: '#34d399',
    elderly: '#f472b6',
    education: '#fbbf24',
    commerce: '#a78bfa',
    safety: '#fb923c',
    culture: '#60a5fa',
  },
  cameraStatus: { online: '#4ade80', offline: '#64748b', fault: '#f97316' },
  severity: { low: '#fde047', medium: '#fb923c', high: '#f43f5e', critical: '#ff1f4b' },
  pointStroke: '#050b17',
  overdueStroke: '#ffffff',
  memberOnDuty: '#bef264',
  memberOffDuty: '#475569',
  streetLabel: { text: '#e2e8f0', halo: '#050b17' },
  communityLabel: { text: '#b4cce4', halo: '#050b17' },
  roadLabel: { text: '#9fb8d6', halo: '#050b17' },
};

/** The planner's look (规划): a light paper map with quiet boundaries and clear facilities. */
export const LIGHT_PALETTE: StylePalette = {
  background: '#ebe7df',
  land: '#f7f5f0',
  water: '#a9d3ee',
  waterOutline: '#7fb6dc',
  buildingLow: '#e2ddd3',
  buildingHigh: '#c9c1b3',
  buildingOutline: '#cbc3b5',
  roads: {
    arterial: { fill: '#fde7a0', casing: '#d9b45a' },
    street: { fill: '#ffffff', casing: '#cfc7b8' },
    alley: { fill: '#ffffff', casing: '#ddd6c9' },
    path: { fill: '#fbfaf7', casing: '#ddd6c9' },
  },
  bridgeCasing: '#8c8272',
  gridFill: { residential: '#3b82f6', shop: '#f59e0b', village: '#22c55e' },
  gridFillOpacity: 0.1,
  gridLine: '#9fb3cc',
  district: { line: '#5b3f8f', glow: '#b9a6dc', glowOpacity: 0.5 },
  street: { line: '#7c6aa8', glow: '#c9bee0', glowOpacity: 0.4 },
  community: { line: '#a497c2', glow: '#a497c2', glowOpacity: 0 },
  communityDash: [3, 2],
  serviceGroups: {
    governance: '#dc2626',
    health: '#059669',
    elderly: '#db2777',
    education: '#d97706',
    commerce: '#7c3aed',
    safety: '#ea580c',
    culture: '#2563eb',
  },
  cameraStatus: { online: '#16a34a', offline: '#94a3b8', fault: '#ea580c' },
  severity: { low: '#ca8a04', medium: '#ea580c', high: '#dc2626', critical: '#9f1239' },
  pointStroke: '#ffffff',
  overdueStroke: '#111827',
  memberOnDuty: '#0d9488',
  memberOffDuty: '#a8a29e',
  streetLabel: { text: '#1e293b', halo: '#ffffff' },
  communityLabel: { text: '#475569', halo: '#ffffff' },
  roadLabel: { text: '#57534e', halo: '#ffffff' },
};
