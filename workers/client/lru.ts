/** A bounded cache for client-side bookkeeping. */

/** A Map that keeps only its `max` most recently used entries (golang/groupcache/lru). */
export class Lru<V> {
  private readonly m = new Map<string, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.m.size;
  }

  get(key: string): V | undefined {
    const v = this.m.get(key);
    if (v !== undefined) {
      this.m.delete(key);
      this.m.set(key, v);
    }
    return v;
  }

  set(key: string, v: V): void {
    this.m.delete(key);
    this.m.set(key, v);
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value!);
  }

  delete(key: string): void {
    this.m.delete(key);
  }
}
