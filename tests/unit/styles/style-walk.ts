import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/** Every string anywhere in a JSON value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** Strings that look like URLs (a scheme followed by `//`). */
export function allUrls(value: unknown): string[] {
  return allStrings(value).filter((text) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text));
}

/** A feature property read by an expression, and the literal values it is compared with. */
export interface PropertyUse {
  property: string;
  /** Values from `match` labels, `==` and `in` with a literal list. */
  values: (string | number | boolean)[];
}

const isGetter = (value: unknown): value is ['get' | 'has', string] =>
  Array.isArray(value) &&
  value.length === 2 &&
  (value[0] === 'get' || value[0] === 'has') &&
  typeof value[1] === 'string';

/** Values an expression compares `input` with, when `input` is a property getter. */
function comparedValues(expression: unknown[]): (string | number | boolean)[] {
  const [op, input, ...rest] = expression;
  if (!isGetter(input)) return [];
  if (op === 'match') {
    const labels = rest.slice(0, -1).filter((_, i) => i % 2 === 0);
    return labels.flat() as (string | number | boolean)[];
  }
  if (op === '==' || op === '!=') {
    const [value] = rest;
    return ['string', 'number', 'boolean'].includes(typeof value) ? [value as string] : [];
  }
  if (op === 'in' && Array.isArray(rest[0]) && rest[0][0] === 'literal') {
    return rest[0][1] as string[];
  }
  return [];
}

/** Every property an expression tree reads, with the values it is compared with. */
export function propertyUses(value: unknown): PropertyUse[] {
  if (!Array.isArray(value)) {
    if (value && typeof value === 'object') return Object.values(value).flatMap(propertyUses);
    return [];
  }
  if (isGetter(value)) return [{ property: value[1], values: [] }];
  const here = isGetter(value[1]) ? [{ property: value[1][1], values: comparedValues(value) }] : [];
  return [...here, ...value.flatMap(propertyUses)];
}

/** The parts of a layer that hold expressions. */
export function expressionsOf(layer: LayerSpecification): unknown[] {
  const withExpressions = layer as { filter?: unknown; layout?: unknown; paint?: unknown };
  return [withExpressions.filter, withExpressions.layout, withExpressions.paint];
}

/** The layers of a style that draw from a source (all but `background`). */
export function sourcedLayers(style: StyleSpecification) {
  return style.layers.flatMap((layer) =>
    'source' in layer && typeof layer.source === 'string'
      ? [{ layer, source: layer.source, sourceLayer: layer['source-layer'] }]
      : [],
  );
}
