import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { COLLECTION_IDS, COLLECTIONS } from '../../api/db/collections';
import { buildOgcOpenApi } from '../../api/ogc/openapi';

/** A JSON value whose shape the test knows; `toEqual` and friends check it at run time. */
interface Json {
  [key: string]: Json;
}
interface Parameter {
  $ref?: string;
  name?: string;
  schema?: Record<string, unknown>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: { parameters: Parameter[]; responses: Json } }>;
  components: { parameters: Record<string, Parameter>; schemas: Json };
}
const document = buildOgcOpenApi('http://example.test:8787') as unknown as Document;

/** Parameter names of an operation, with references resolved. */
const parameterNames = (path: string) =>
  document.paths[path]!.get.parameters.map((p) =>
    p.$ref ? document.components.parameters[p.$ref.split('/').pop()!]!.name : p.name,
  );

describe('the OGC API Features document', () => {
  it('validates as OpenAPI 3.0', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(document.openapi).toBe('3.0.3');
  });

  it('serves from the OGC base URL, given the origin or the base URL', () => {
    expect(document.servers).toEqual([
      { url: 'http://example.test:8787/ogc', description: 'OGC API Features' },
    ]);
    const fromBase = buildOgcOpenApi('http://example.test:8787/ogc/') as unknown as Document;
    expect(fromBase.servers[0]!.url).toBe('http://example.test:8787/ogc');
  });

  it('has the capability paths and three paths per catalog collection', () => {
    const expected = [
      '/',
      '/conformance',
      '/api',
      '/collections',
      '/collections/{collectionId}',
      ...COLLECTION_IDS.flatMap((id) => [
        `/collections/${id}/items`,
        `/collections/${id}/items/{featureId}`,
        `/collections/${id}/queryables`,
      ]),
    ];
    expect(Object.keys(document.paths).sort()).toEqual(expected.sort());
  });

  it('offers datetime only where the collection has time, and one filter per filter property', () => {
    for (const collection of Object.values(COLLECTIONS)) {
      const names = parameterNames(`/collections/${collection.id}/items`);
      expect(names.includes('datetime'), collection.id).toBe(Boolean(collection.temporalColumn));
      const filters = collection.properties.filter((p) => p.filter).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(filters));
      expect(new Set(names).size, `${collection.id}: unique names`).toBe(names.length);
      for (const standard of ['bbox', 'bbox-crs', 'crs', 'limit', 'cursor', 'properties']) {
        expect(names).toContain(standard);
      }
    }
  });

  it('describes the standard parameters as OGC API Features defines them', () => {
    const { bbox, limit, f, 'f-features': features } = document.components.parameters;
    expect(bbox).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } });
    expect(limit!.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10000, default: 1000 });
    expect(f!.schema!.enum).toEqual(['json']);
    expect(features!.schema!.enum).toEqual(['json', 'geojson']);
    const level = document.paths['/collections/admin-areas/items']!.get.parameters.find(
      (p) => p.name === 'level',
    );
    expect(level!.schema).toMatchObject({
      type: 'string',
      enum: ['district', 'street', 'community'],
    });
  });

  it('answers items as GeoJSON with the collection properties, and errors as JSON', () => {
    const items = document.paths['/collections/cameras/items']!.get.responses;
    expect(items).toMatchObject({
      200: {
        content: {
          'application/geo+json': {
            schema: { $ref: '#/components/schemas/CamerasFeatureCollection' },
          },
        },
      },
    });
    expect(items).not.toHaveProperty('404');
    expect(document.paths['/collections/cameras/items/{featureId}']!.get.responses).toMatchObject({
      404: { $ref: '#/components/responses/NotFound' },
    });
    const { CamerasProperties, CamerasFeature } = document.components.schemas;
    expect(Object.keys(CamerasProperties?.properties ?? {})).toEqual(
      COLLECTIONS.cameras.properties.map((p) => p.name),
    );
    expect(CamerasFeature).toMatchObject({
      properties: { geometry: { $ref: '#/components/schemas/PointGeometry' } },
    });
    expect(document.paths['/']!.get.responses).toHaveProperty([
      '200',
      'content',
      'application/json',
    ]);
  });
});
