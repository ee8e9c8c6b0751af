/** What the cache holds of one rendered tile: what `sendTile` would otherwise compute again. */
export interface CachedTile {
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, the strong ETag. */
  hash: string;
  /** The gzipped bytes, once a client has asked for them. */
  gzipped?: Uint8Array;
}

/** Bytes of bookkeeping counted per entry beside its tile bytes (key, hash, map slot). */
const ENTRY_OVERHEAD = 200;

const sizeOf = (key: string, tile: CachedTile) =>
  ENTRY_OVERHEAD + key.length * 2 + tile.bytes.byteLength + (tile.gzipped?.byteLength ?? 0);

/**
 * A least-recently-used cache of rendered tiles, bounded by the bytes it holds. Keys carry
 * everything the bytes depend on (tile set, layer versions, the caller's scope, z/x/y), so
 * an entry is never wrong, only unused: changed data makes new keys and old entries age out.
 */
export class TileCache {
  private readonly entries = new Map<string, { tile: CachedTile; size: number }>();
  private held = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes held now, keys and bookkeeping included. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The tile under `key`, marked as the most recently used. */
  get(key: string): CachedTile | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.tile;
  }

  /**
   * Stores (or stores again, e.g. with its gzipped bytes added) a tile, then drops the least
   * recently used ones until the cache is within budget.
   */
  set(key: string, tile: CachedTile): void {
    this.delete(key);
    const size = sizeOf(key, tile);
    if (size > this.maxBytes) return;
    this.entries.set(key, { tile, size });
    this.held += size;
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.held -= entry.size;
    this.entries.delete(key);
  }
}
