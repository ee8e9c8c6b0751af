import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';

/** A style property value as the style JSON holds it: a number or an expression. */
type StyleValue = unknown;

/**
 * Style properties given in pixels that grow with the screen: label text and halos, line widths
 * and blurs. `layout` or `paint`, by MapLibre's own split.
 */
const SCALED_PROPERTIES = [
  ['layout', 'text-size'],
  ['paint', 'text-halo-width'],
  ['paint', 'line-width'],
  ['paint', 'line-blur'],
  ['paint', 'line-gap-width'],
] as const;

/**
 * `value` times `factor`. Numbers are multiplied; a zoom curve (`interpolate` or `step` on
 * `['zoom']`) has each output scaled, because MapLibre allows `zoom` only at an expression's top;
 * any other expression is wrapped in `['*', …, factor]`.
 */
export function scaleStyleValue(value: StyleValue, factor: number): StyleValue {
  if (factor === 1 || value === undefined || value === null) return value;
  if (typeof value === 'number') return value * factor;
  if (!Array.isArray(value)) return value;
  const [op] = value as unknown[];
  if (op === 'interpolate') {
    const [, interpolation, input, ...stops] = value as unknown[];
    const scaled = stops.map((v, i) => (i % 2 === 1 ? scaleStyleValue(v, factor) : v));
    return ['interpolate', interpolation, input, ...scaled];
  }
  if (op === 'step') {
    const [, input, first, ...stops] = value as unknown[];
    const scaled = stops.map((v, i) => (i % 2 === 1 ? scaleStyleValue(v, factor) : v));
    return ['step', input, scaleStyleValue(first, factor), ...scaled];
  }
  return ['*', value, factor];
}

/** Metadata key of a layer that scales itself (left alone here). */
export const SELF_SCALED = 'yiping:self-scaled';

/** The style's own pixel sizes, read once per map before any scaling. */
type BaseSizes = Map<string, { kind: 'layout' | 'paint'; name: string; value: StyleValue }[]>;

const baseSizes = new WeakMap<MapLibreMap, BaseSizes>();

function readBaseSizes(map: MapLibreMap): BaseSizes {
  const known = baseSizes.get(map);
  if (known) return known;
  const sizes: BaseSizes = new Map();
  for (const layer of map.getStyle().layers) {
    // Layers the web adds itself size their own symbols for the screen.
    if ((layer.metadata as Record<string, unknown> | undefined)?.[SELF_SCALED]) continue;
    const props = layer as unknown as Record<'layout' | 'paint', Record<string, unknown>>;
    const found = SCALED_PROPERTIES.flatMap(([kind, name]) => {
      const value = props[kind]?.[name];
      return value === undefined ? [] : [{ kind, name, value }];
    });
    if (found.length > 0) sizes.set(layer.id, found);
  }
  baseSizes.set(map, sizes);
  return sizes;
}

/**
 * Scales the style's labels and lines by `factor` (the wall's screen scale: 2 at 2160 lines),
 * from the style's own values each time, so a resize never compounds.
 */
export function applyStyleScale(map: MapLibreMap, factor: number): void {
  for (const [id, props] of readBaseSizes(map)) {
    if (!map.getLayer(id)) continue;
    for (const { kind, name, value } of props) {
      const scaled = scaleStyleValue(value, factor) as never;
      if (kind === 'layout') map.setLayoutProperty(id, name as 'text-size', scaled);
      else map.setPaintProperty(id, name as 'line-width', scaled);
    }
  }
}

/** Keeps the map's style scaled by `factor`. */
export function useStyleScale(map: MapLibreMap | null, factor: number): void {
  useEffect(() => {
    if (map) applyStyleScale(map, factor);
  }, [map, factor]);
}
