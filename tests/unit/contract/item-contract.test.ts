import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLLECTION_IDS, type CollectionId, ITEM_CONTRACTS } from '../../../api/contract/items';
import { COLLECTIONS } from '../../../api/db/collections';
import { queryablesOf } from '../../../api/db/feature-where';
import { collectionTileLayer, vectorLayerOf } from '../../../api/db/tiles-layers';
import { CLUSTER_COUNT_FIELD, POINT_CLUSTER_BELOW_ZOOM } from '../../../api/domain/tile-math';
import { queryablesDocument } from '../../../api/ogc/documents';
import { buildOgcOpenApi } from '../../../api/ogc/openapi';
import {
  CAMERA_ITEMS,
  GRID_ITEMS,
  INCIDENT_ITEMS,
  MEMBER_ITEMS,
  SERVICE_POINT_ITEMS,
} from '../../../web/server-state/wall-features';

/** One property as JSON Schema has it (zod's own conversion: the independent reading). */
interface JsonProperty {
  type?: string | string[];
  format?: string;
  enum?: string[];
  items?: JsonProperty;
  anyOf?: JsonProperty[];
}

/** A JSON Schema property without its `null` alternative (`anyOf` or a `type` list). */
function withoutNull(property: JsonProperty): { scalar: JsonProperty; nullable: boolean } {
  if (property.anyOf) {
    return { scalar: property.anyOf.find((p) => p.type !== 'null')!, nullable: true };
  }
  if (Array.isArray(property.type)) {
    const type = property.type.find((t) => t !== 'null');
    return { scalar: { ...property, type }, nullable: property.type.includes('null') };
  }
  return { scalar: property, nullable: false };
}

/** The contract's properties of a collection, read through `z.toJSONSchema`. */
function contractProperties(id: CollectionId) {
  const json = z.toJSONSchema(ITEM_CONTRACTS[id].properties) as {
    properties: Record<string, JsonProperty>;
  };
  return Object.entries(json.properties).map(([name, property]) => {
    const { scalar: value, nullable } = withoutNull(property);
    const list = value.type === 'array';
    const scalar = list ? value.items! : value;
    const type = scalar.format === 'date-time' ? 'datetime' : String(scalar.type);
    return { name, type, enum: scalar.enum, list, nullable };
  });
}

const TILE_FIELDS = {
  string: 'String',
  datetime: 'String',
  integer: 'Number',
  number: 'Number',
  boolean: 'Boolean',
};

describe.each(COLLECTION_IDS)('the %s item contract', (id) => {
  const expected = contractProperties(id);
  const collection = COLLECTIONS[id];

  it('is the catalogue: names, types, code lists and nullability', () => {
    const catalogue = collection.properties.map((p) => ({
      name: p.name,
      type: p.type,
      enum: p.enum,
      list: p.list === true,
      nullable: p.nullable,
    }));
    expect(catalogue).toEqual(expected);
    expect(collection.idType).toBe(ITEM_CONTRACTS[id].idType);
    expect(collection.geometryType).toBe(ITEM_CONTRACTS[id].geometryType);
  });

  it('gives the queryables: every stored column, typed as the contract says', () => {
    const computed = new Set(collection.properties.filter((p) => p.sql).map((p) => p.name));
    const stored = expected.filter((p) => !computed.has(p.name));
    const document = queryablesDocument('http://example.test/ogc', collection);
    expect(Object.keys(document.properties)).toEqual(['geom', ...stored.map((p) => p.name)]);
    const queryables = queryablesOf(collection);
    for (const property of stored) {
      expect(queryables[property.name]).toMatchObject({ type: property.type });
      expect(queryables[property.name]?.enum).toEqual(property.enum);
    }
  });

  it('gives the TileJSON fields: every property carried in tiles, the feature id, and the thinning count of point layers', () => {
    const spec = collectionTileLayer(collection);
    const layer = vectorLayerOf(spec);
    const thinned = spec.thinned === true && spec.minZoom < POINT_CLUSTER_BELOW_ZOOM;
    const inTiles = collection.properties.filter((p) => !p.notInTiles).map((p) => p.name);
    const fields = expected
      .filter((p) => inTiles.includes(p.name))
      .map((p) => [p.name, TILE_FIELDS[p.type as keyof typeof TILE_FIELDS]]);
    const idField = ITEM_CONTRACTS[id].idType === 'integer' ? 'Number' : 'String';
    expect(layer.fields).toEqual(
      Object.fromEntries([
        ...fields,
        ...(inTiles.includes('id') ? [] : [['id', idField]]),
        ...(thinned ? [[CLUSTER_COUNT_FIELD, 'Number']] : []),
      ]),
    );
  });

  it('gives the OpenAPI properties schema, nullable where the contract allows null', () => {
    const name = id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
    const schemas = (
      buildOgcOpenApi('http://example.test') as {
        components: {
          schemas: Record<string, { properties: Record<string, { nullable?: boolean }> }>;
        };
      }
    ).components.schemas;
    const properties = schemas[`${name}Properties`]!.properties;
    expect(Object.keys(properties)).toEqual(expected.map((p) => p.name));
    for (const property of expected) {
      expect(properties[property.name]?.nullable === true, property.name).toBe(
        property.nullable && !property.list,
      );
    }
  });
});

describe('the wall', () => {
  it.each([GRID_ITEMS, CAMERA_ITEMS, SERVICE_POINT_ITEMS, MEMBER_ITEMS, INCIDENT_ITEMS])(
    'asks $collection for properties its contract has',
    (reader) => {
      const names = contractProperties(reader.collection).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(reader.properties.split(',')));
    },
  );
});
