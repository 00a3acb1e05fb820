import { describe, expect, it } from 'vitest';
import { KeyedHeap } from './heap';
import { Rng } from '../clock/prng';

interface Item {
  key: string;
  v: number;
}

/** The textbook swap-based keyed heap the hole-moving one must match, layout and all. */
class SwapHeap {
  items: Item[] = [];
  index = new Map<string, number>();
  constructor(private readonly less: (a: Item, b: Item) => boolean) {}
  addOrUpdate(t: Item): void {
    const i = this.index.get(t.key);
    if (i !== undefined) {
      this.items[i] = t;
      if (!this.up(i)) this.down(i);
      return;
    }
    this.items.push(t);
    this.index.set(t.key, this.items.length - 1);
    this.up(this.items.length - 1);
  }
  pop(): Item | undefined {
    if (!this.items.length) return undefined;
    const top = this.items[0];
    this.removeAt(0);
    return top;
  }
  delete(key: string): void {
    const i = this.index.get(key);
    if (i !== undefined) this.removeAt(i);
  }
  private removeAt(i: number): void {
    const last = this.items.pop()!;
    this.index.delete((i === this.items.length ? last : this.items[i]).key);
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(last.key, i);
      if (!this.up(i)) this.down(i);
    }
  }
  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j], this.items[i]];
    this.index.set(this.items[i].key, i);
    this.index.set(this.items[j].key, j);
  }
  private up(i: number): boolean {
    const start = i;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.items[i], this.items[p])) break;
      this.swap(i, p);
      i = p;
    }
    return i !== start;
  }
  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.less(this.items[l], this.items[m])) m = l;
      if (r < this.items.length && this.less(this.items[r], this.items[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

describe('KeyedHeap', () => {
  it('matches a swap-based heap item for item through random adds, updates, deletes and pops (ties included)', () => {
    const less = (a: Item, b: Item) => a.v < b.v;
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const h = new KeyedHeap<Item>((t) => t.key, less);
      const ref = new SwapHeap(less);
      for (let step = 0; step < 3000; step++) {
        const op = rng.int(10);
        const key = `k${rng.int(200)}`;
        if (op < 5) {
          const t = { key, v: rng.int(50) };
          h.addOrUpdate(t);
          ref.addOrUpdate(t);
        } else if (op < 7) {
          h.delete(key);
          ref.delete(key);
        } else expect(h.pop()).toBe(ref.pop());
        expect(h.values()).toEqual(ref.items);
      }
      for (const [key, i] of ref.index) expect(h.get(key)).toBe(ref.items[i]);
      expect(h.size).toBe(ref.items.length);
    }
  });

  it('pops in order and answers has/get/delete by key', () => {
    const h = new KeyedHeap<Item>((t) => t.key, (a, b) => a.v < b.v);
    for (const [key, v] of [['a', 5], ['b', 1], ['c', 3], ['d', 4]] as const) h.addOrUpdate({ key, v });
    h.addOrUpdate({ key: 'a', v: 0 });
    expect(h.peek()?.key).toBe('a');
    expect(h.delete('c')?.v).toBe(3);
    expect(h.delete('c')).toBeUndefined();
    expect(h.has('c')).toBe(false);
    expect(h.get('d')?.v).toBe(4);
    expect([h.pop()?.key, h.pop()?.key, h.pop()?.key, h.pop()]).toEqual(['a', 'b', 'd', undefined]);
  });
});
