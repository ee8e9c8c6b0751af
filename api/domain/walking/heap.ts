/**
 * A binary min-heap of (key, item) pairs in typed arrays, for Dijkstra: no objects per entry,
 * and `decrease-key` replaced by pushing again and skipping stale pops (lazy deletion).
 */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  /** Empties the heap, keeping its storage. */
  clear(): void {
    this.size = 0;
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = this.keys[parent] as number;
      if (parentKey <= key) break;
      this.keys[i] = parentKey;
      this.items[i] = this.items[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }

  /** The smallest key (call only when size > 0). */
  peekKey(): number {
    return this.keys[0] as number;
  }

  /** Removes the entry with the smallest key and returns its item (call only when size > 0). */
  pop(): number {
    const top = this.items[0] as number;
    const last = --this.size;
    const key = this.keys[last] as number;
    const item = this.items[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (this.keys[right] as number) < (this.keys[child] as number))
        child = right;
      if ((this.keys[child] as number) >= key) break;
      this.keys[i] = this.keys[child] as number;
      this.items[i] = this.items[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.items[i] = item;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const items = new Int32Array(this.items.length * 2);
    keys.set(this.keys);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
