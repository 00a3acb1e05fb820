import { describe, expect, it } from 'vitest';
import { LruOrder } from './lru';

/** Slots from least to most recently used, walking `oldest()` by removing each in turn. */
function drain(o: LruOrder): number[] {
  const out: number[] = [];
  for (let s = o.oldest(); s !== -1; s = o.oldest()) {
    out.push(s);
    o.remove(s);
  }
  return out;
}

describe('LruOrder', () => {
  it('is empty at first', () => {
    const o = new LruOrder();
    expect(o.size).toBe(0);
    expect(o.oldest()).toBe(-1);
    expect(o.has(0)).toBe(false);
    expect(o.has(1000)).toBe(false);
    o.remove(3); // absent: nothing happens
    expect(o.size).toBe(0);
  });

  it('orders slots by last touch, and touching the newest changes nothing', () => {
    const o = new LruOrder();
    o.touch(2);
    o.touch(0);
    o.touch(5);
    o.touch(2); // 2 becomes the newest
    o.touch(2);
    expect(o.size).toBe(3);
    expect(o.oldest()).toBe(0);
    expect(drain(o)).toEqual([0, 5, 2]);
    expect(o.size).toBe(0);
  });

  it('removes from the head, the middle and the tail', () => {
    const o = new LruOrder();
    for (const s of [1, 2, 3, 4, 5]) o.touch(s);
    o.remove(3);
    o.remove(1);
    o.remove(5);
    expect(o.has(3)).toBe(false);
    expect(o.has(2)).toBe(true);
    expect(o.size).toBe(2);
    o.touch(1); // back in, as the newest
    expect(drain(o)).toEqual([2, 4, 1]);
  });

  it('keeps its order when it grows for high slots', () => {
    const o = new LruOrder();
    for (let s = 0; s < 100; s += 3) o.touch(s);
    o.touch(5000);
    o.touch(0);
    const expected = [];
    for (let s = 3; s < 100; s += 3) expected.push(s);
    expect(drain(o)).toEqual([...expected, 5000, 0]);
  });

  it('agrees with a Map used as an LRU on a random workload', () => {
    let seed = 7;
    // mulberry32: a small PRNG good enough for test workloads.
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    const o = new LruOrder();
    const m = new Map<number, true>();
    for (let i = 0; i < 5000; i++) {
      const s = rnd(64);
      if (rnd(4) === 0) {
        o.remove(s);
        m.delete(s);
      } else {
        o.touch(s);
        m.delete(s);
        m.set(s, true);
      }
      expect(o.size).toBe(m.size);
      expect(o.oldest()).toBe(m.size ? m.keys().next().value : -1);
    }
    expect(drain(o)).toEqual([...m.keys()]);
  });
});
