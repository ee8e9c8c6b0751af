import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * Small builders for the style expressions the layers repeat. The style spec types each
 * expression as a fixed tuple; these assemble variable-length ones, hence the casts.
 */

/** A value that grows with zoom: `[[zoom, value], …]`, exponential with `base` (1 = linear). */
export function byZoom(stops: readonly (readonly [number, number])[], base = 1.5) {
  return [
    'interpolate',
    ['exponential', base],
    ['zoom'],
    ...stops.flat(),
  ] as unknown as ExpressionSpecification;
}

/** Picks a value by a property's value: `cases[property]`, or `fallback` for anything else. */
export function byProperty<T extends string | number>(
  property: string,
  cases: Readonly<Record<string, T>>,
  fallback: T,
): ExpressionSpecification {
  const pairs = Object.entries(cases).flat();
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Picks a value by which list a property's value is in: `[[values, output], …]`. */
export function byGroup<T extends string | number>(
  property: string,
  groups: readonly (readonly [readonly string[], T])[],
  fallback: T,
): ExpressionSpecification {
  const pairs = groups.filter(([values]) => values.length > 0).flatMap(([v, out]) => [[...v], out]);
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** True when a property equals a value. */
export function isValue(property: string, value: string | boolean): ExpressionSpecification {
  return ['==', ['get', property], value];
}

/** True when a string property is one of the values. */
export function isOneOf(property: string, values: readonly string[]): ExpressionSpecification {
  return ['in', ['get', property], ['literal', [...values]]];
}
