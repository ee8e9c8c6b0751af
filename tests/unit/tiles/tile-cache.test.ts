import { describe, expect, it } from 'vitest';
import { TileCache, type CachedTile } from '../../../api/tiles/tile-cache';

const tile = (bytes: number): CachedTile => ({ bytes: new Uint8Array(bytes), hash: 'h' });

describe('TileCache', () => {
  it('gives back what it stored, under the same key only', () => {
    const cache = new TileCache(10_000);
    const stored = tile(100);
    cache.set('grids|1|370871%|14/1/2', stored);
    expect(cache.get('grids|1|370871%|14/1/2')).toBe(stored);
    expect(cache.get('grids|2|370871%|14/1/2')).toBeUndefined();
    expect(cache.get('grids|1|370871001002%|14/1/2')).toBeUndefined();
  });

  it('stays within its byte budget by dropping the least recently used tiles', () => {
    const cache = new TileCache(3_000);
    cache.set('a', tile(800));
    cache.set('b', tile(800));
    cache.get('a');
    cache.set('c', tile(800));
    expect(cache.bytes).toBeLessThanOrEqual(3_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('counts gzipped bytes added later, and never keeps a tile larger than the budget', () => {
    const cache = new TileCache(2_000);
    const stored = tile(700);
    cache.set('a', stored);
    const before = cache.bytes;
    cache.set('a', { ...stored, gzipped: new Uint8Array(300) });
    expect(cache.bytes).toBe(before + 300);
    expect(cache.size).toBe(1);
    cache.set('huge', tile(5_000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });
});
