import { describe, expect, it } from 'vitest';
import { ADMIN_LEVELS, ROAD_CLASSES } from '../../../api/contract/codes';
import { COLLECTIONS, findCollection } from '../../../api/db/collections';
import { BASEMAP_LAYERS } from '../../../api/domain/tile-basemap';
import {
  buildDarkStyle,
  buildLightStyle,
  buildTiandituStyle,
} from '../../../api/styles/build-style';
import { expressionsOf, propertyUses, sourcedLayers } from './style-walk';

const context = { origin: 'http://127.0.0.1:8787', withIncidents: true };
const styles = {
  dark: buildDarkStyle(context),
  light: buildLightStyle(context),
  tianditu: buildTiandituStyle('0123456789abcdef', context),
};

/** Values the basemap's coded fields take (the tiles copy them from the tables). */
const BASEMAP_ENUMS: Record<string, Record<string, readonly string[]>> = {
  water: { kind: ['river', 'lake'] },
  roads: { class: ROAD_CLASSES },
  boundaries: { level: ADMIN_LEVELS },
  places: { level: ADMIN_LEVELS },
};

interface Field {
  type: string;
  enum?: readonly string[];
}

/** The fields of a tile layer: the basemap contract, or a collection's tile properties. */
function fieldsOf(source: string, sourceLayer: string): Map<string, Field> | undefined {
  if (source === 'basemap') {
    const layer = BASEMAP_LAYERS.find((candidate) => candidate.id === sourceLayer);
    if (!layer) return undefined;
    return new Map(
      Object.entries(layer.fields).map(([name, type]) => [
        name,
        { type: type.toLowerCase(), enum: BASEMAP_ENUMS[sourceLayer]?.[name] },
      ]),
    );
  }
  const collection = findCollection(source);
  if (!collection || sourceLayer !== collection.id) return undefined;
  const properties = collection.properties.filter((property) => !property.notInTiles);
  return new Map<string, Field>([
    ['id', { type: collection.idType }],
    ...properties.map((p): [string, Field] => [p.name, { type: p.type, enum: p.enum }]),
  ]);
}

describe.each(Object.entries(styles))('the %s style against the tile contract', (_name, style) => {
  const layers = sourcedLayers(style).filter(({ source }) => !source.startsWith('tianditu'));

  it('uses only source layers the tiles serve (basemap layers, collection ids)', () => {
    expect(layers.length).toBeGreaterThan(5);
    for (const { layer, source, sourceLayer } of layers) {
      expect(sourceLayer, layer.id).toBeDefined();
      expect(
        fieldsOf(source, sourceLayer ?? ''),
        `${layer.id}: ${source}/${sourceLayer}`,
      ).toBeDefined();
    }
  });

  it('reads only properties the tiles carry, and compares them with values they take', () => {
    for (const { layer, source, sourceLayer } of layers) {
      const fields = fieldsOf(source, sourceLayer ?? '') ?? new Map<string, Field>();
      for (const use of propertyUses(expressionsOf(layer))) {
        const field = fields.get(use.property);
        expect(field, `${layer.id} reads ${use.property}`).toBeDefined();
        const allowed = field?.enum ?? [];
        for (const value of use.values) {
          if (typeof value === 'boolean')
            expect(field?.type, `${layer.id}: ${use.property}`).toBe('boolean');
          else if (allowed.length) expect(allowed, `${layer.id}: ${use.property}`).toContain(value);
        }
      }
    }
  });

  it('draws collection points from the zoom their tiles start at', () => {
    for (const { layer, source } of layers) {
      const collection = findCollection(source);
      if (collection)
        expect(layer.minzoom ?? 0, layer.id).toBeGreaterThanOrEqual(collection.minZoom);
    }
  });
});

describe('the coded values the styles colour by', () => {
  it('covers every value of grid kind, camera status and severity', () => {
    const dark = styles.dark;
    const valuesOf = (layerId: string, property: string) =>
      dark.layers
        .filter((layer) => layer.id === layerId)
        .flatMap((layer) => propertyUses(expressionsOf(layer)))
        .filter((use) => use.property === property)
        .flatMap((use) => use.values);
    const enumOf = (id: keyof typeof COLLECTIONS, name: string) =>
      COLLECTIONS[id].properties.find((p) => p.name === name)?.enum ?? [];
    expect(new Set(valuesOf('grids-fill', 'kind'))).toEqual(new Set(enumOf('grids', 'kind')));
    expect(new Set(valuesOf('cameras', 'status'))).toEqual(new Set(enumOf('cameras', 'status')));
    expect(new Set(valuesOf('service-points', 'category'))).toEqual(
      new Set(enumOf('service-points', 'category')),
    );
    expect(valuesOf('incidents', 'severity')).toEqual(
      expect.arrayContaining([...enumOf('incidents', 'severity')]),
    );
  });
});
