import { describe, expect, it } from 'vitest';
import { analysisUrl, parseFeatureCollection } from '../../../../web/server-state/analysis';

describe('analysisUrl', () => {
  it('builds the path and query, leaving out what is not set', () => {
    expect(
      analysisUrl('coverage', {
        category: 'kindergarten',
        distance: 300,
        area: null,
        k: undefined,
      }),
    ).toBe('/api/v1/analysis/coverage?category=kindergarten&distance=300');
    expect(analysisUrl('scenarios', {})).toBe('/api/v1/analysis/scenarios');
  });
});

describe('parseFeatureCollection', () => {
  it('returns the features of a FeatureCollection and refuses anything else', () => {
    const features = [{ type: 'Feature', geometry: null, properties: {} }];
    expect(parseFeatureCollection('x', { type: 'FeatureCollection', features })).toEqual(features);
    expect(() => parseFeatureCollection('buildings', { type: 'Feature' })).toThrow(
      'buildings: not a GeoJSON FeatureCollection',
    );
  });
});
