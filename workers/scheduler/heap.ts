/** A binary heap with lookup and removal by key (pkg/scheduler/backend/heap). */
export class KeyedHeap<T> {
  private items: T[] = [];
  private index = new Map<string, number>();

  constructor(
    private readonly keyOf: (t: T) => string,
    private readonly less: (a: T, b: T) => boolean,
  ) {}

  get size(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Add, or replace the item with the same key and restore order. */
  addOrUpdate(t: T): void {
    const k = this.keyOf(t);
    const i = this.index.get(k);
    if (i !== undefined) {
      this.items[i] = t;
      this.fix(i);
      return;
    }
    this.items.push(t);
    this.index.set(k, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0];
    this.removeAt(0);
    return top;
  }

  delete(key: string): T | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const t = this.items[i];
    this.removeAt(i);
    return t;
  }

  values(): readonly T[] {
    return this.items;
  }

  private removeAt(i: number): void {
    const last = this.items.pop()!;
    this.index.delete(this.keyOf(i === this.items.length ? last : this.items[i]));
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(this.keyOf(last), i);
      this.fix(i);
    }
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  /** Puts `t` at `i` and records where it is. */
  private place(t: T, i: number): void {
    this.items[i] = t;
    this.index.set(this.keyOf(t), i);
  }

  /**
   * Sift up and down move a hole rather than swapping: the same items end in
   * the same places after the same comparisons, with one index update per
   * move instead of two.
   */
  private up(i: number): boolean {
    const items = this.items;
    const t = items[i];
    const start = i;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(t, items[p])) break;
      this.place(items[p], i);
      i = p;
    }
    if (i === start) return false;
    this.place(t, i);
    return true;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const t = items[i];
    const start = i;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = t;
      if (l < n && this.less(items[l], best)) {
        m = l;
        best = items[l];
      }
      if (r < n && this.less(items[r], best)) {
        m = r;
        best = items[r];
      }
      if (m === i) break;
      this.place(best, i);
      i = m;
    }
    if (i !== start) this.place(t, i);
  }
}
