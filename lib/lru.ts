// A bounded least-recently-used map: get() refreshes an entry, set() evicts the oldest past `max`.
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {}

  get size() {
    return this.entries.size;
  }

  /** Whether `key` is kept, without making it the most recent. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  clear() {
    this.entries.clear();
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V) {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
