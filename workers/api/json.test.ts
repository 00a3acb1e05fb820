import { describe, it, expect } from 'vitest';
import { jsonEqual } from './object';
import { copyJson, equalJson, shareUnchanged } from './json';

/** A small seeded generator, so a failing shape can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomJson(r: () => number, depth = 0): unknown {
  const pick = r();
  if (depth > 4 || pick < 0.35) {
    const p = r();
    if (p < 0.25) return Math.floor(r() * 100) - 50;
    if (p < 0.5) return ['a', 'b', '', 'Ready', 'é'][Math.floor(r() * 5)];
    if (p < 0.65) return r() < 0.5;
    if (p < 0.8) return null;
    if (p < 0.9) return undefined;
    return 1.5;
  }
  if (pick < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) o[['spec', 'status', 'metadata', 'x', 'y', 'name'][Math.floor(r() * 6)] + (i % 2)] = randomJson(r, depth + 1);
  return o;
}

/** A structural edit somewhere inside `v` (or `v` itself when it is a leaf). */
function mutate(v: unknown, r: () => number): unknown {
  if (typeof v !== 'object' || v === null) return v === 1 ? 2 : 1;
  const c = structuredClone(v) as Record<string, unknown> | unknown[];
  const keys = Object.keys(c);
  if (!keys.length || r() < 0.2) {
    if (Array.isArray(c)) c.push(0);
    else c.extra = 'x';
    return c;
  }
  const k = keys[Math.floor(r() * keys.length)];
  (c as Record<string, unknown>)[k] = mutate((c as Record<string, unknown>)[k], r);
  return c;
}

describe('copyJson', () => {
  it('gives what structuredClone gives for random JSON trees, key order included', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      const v = randomJson(r);
      const a = copyJson(v);
      const b = structuredClone(v);
      expect(a).toStrictEqual(b);
      if (typeof v === 'object' && v !== null) {
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a).not.toBe(v);
      }
    }
  });

  it('shares nothing with the original', () => {
    const v = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } };
    const c = copyJson(v);
    c.metadata.labels.a = '2';
    c.spec.containers[0].ports[0].containerPort = 81;
    c.spec.containers.push({ name: 'd', ports: [] });
    expect(v).toEqual({ metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } });
  });

  it('keeps a __proto__ key as data and copies non-plain objects as structuredClone does', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const c = copyJson(parsed);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const d = new Date(0);
    const withDate = copyJson({ when: d });
    expect(withDate.when).toBeInstanceOf(Date);
    expect(withDate.when).not.toBe(d);
    expect(withDate.when.getTime()).toBe(0);
  });

  it('passes scalars and undefined through', () => {
    expect(copyJson(undefined)).toBeUndefined();
    expect(copyJson(null)).toBeNull();
    expect(copyJson('x')).toBe('x');
    expect(copyJson({ a: undefined })).toStrictEqual({ a: undefined });
  });
});

describe('equalJson', () => {
  it('agrees with jsonEqual on random pairs, equal and not', () => {
    const r = rng(11);
    let equal = 0;
    for (let i = 0; i < 1000; i++) {
      const a = randomJson(r);
      const b = r() < 0.5 ? structuredClone(a) : mutate(a, r);
      const want = jsonEqual(a, b);
      if (want) equal++;
      expect(equalJson(a, b)).toBe(want);
      expect(equalJson(b, a)).toBe(jsonEqual(b, a));
    }
    // Both outcomes were exercised.
    expect(equal).toBeGreaterThan(100);
    expect(equal).toBeLessThan(900);
  });

  it('treats undefined members as absent and ignores key order', () => {
    expect(equalJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(equalJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(equalJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(equalJson([1, 2], [2, 1])).toBe(false);
    expect(equalJson({ 0: 1 }, [1])).toBe(false);
    expect(equalJson(null, {})).toBe(false);
    expect(equalJson(NaN, NaN)).toBe(false);
  });
});

/** Same JSON with the same keys in the same order, undefined members included. */
const strictSame = (a: unknown, b: unknown): boolean => {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return ak.length === bk.length && ak.every((k, i) => k === bk[i] && strictSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Every object node of `v`. */
function nodes(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v === 'object' && v !== null) {
    out.add(v);
    for (const x of Object.values(v)) nodes(x, out);
  }
  return out;
}

describe('shareUnchanged', () => {
  it('keeps the JSON (key order included), never touches the old tree, and reuses its equal subtrees', () => {
    const r = rng(23);
    let shared = 0;
    for (let i = 0; i < 3000; i++) {
      const old = deepFreeze({ root: randomJson(r) });
      let next = copyJson(old) as { root: unknown };
      for (let e = Math.floor(r() * 3); e > 0; e--) next = mutate(next, r) as { root: unknown };
      const before = copyJson(next);
      const same = shareUnchanged(next, old);
      expect(strictSame(next, before)).toBe(true);
      expect(same).toBe(strictSame(before, old));
      // Every subtree of next that is the same JSON as old's at the same place is old's object now.
      const oldNodes = nodes(old);
      const walk = (n: unknown, o: unknown, top: boolean) => {
        if (typeof n !== 'object' || n === null || typeof o !== 'object' || o === null) return;
        if (!top && strictSame(n, o)) {
          expect(n).toBe(o);
          shared++;
          return;
        }
        expect(oldNodes.has(n)).toBe(top && n === o);
        if (Array.isArray(n) !== Array.isArray(o)) return;
        for (const k of Object.keys(n)) if (k in o) walk((n as Record<string, unknown>)[k], (o as Record<string, unknown>)[k], false);
      };
      walk(next, old, true);
    }
    expect(shared).toBeGreaterThan(1000);
  });

  it('keeps a different key order, undefined members and non-plain objects as they are', () => {
    const old = deepFreeze({ a: { x: 1, y: 2 }, b: { z: 1 }, c: [{ d: 1 }], t: { when: 1 } });
    const next = { a: { y: 2, x: 1 }, b: { z: 1, w: undefined }, c: [{ d: 1 }], t: { when: new Date(0) } };
    expect(shareUnchanged(next, old)).toBe(false);
    expect(next.a).not.toBe(old.a);
    expect(Object.keys(next.a)).toEqual(['y', 'x']);
    expect(next.b).not.toBe(old.b);
    expect(next.c).toBe(old.c);
    expect(next.t.when).toBeInstanceOf(Date);
  });

  it('leaves a __proto__ member as data', () => {
    const old = deepFreeze(JSON.parse('{"m":{"__proto__":{"a":1}}}') as Record<string, unknown>);
    const next = JSON.parse('{"m":{"__proto__":{"a":1}},"n":1}') as Record<string, Record<string, unknown>>;
    expect(shareUnchanged(next, old)).toBe(false);
    expect(Object.getPrototypeOf(next.m)).toBe(Object.prototype);
    expect(Object.keys(next.m)).toEqual(['__proto__']);
  });
});
