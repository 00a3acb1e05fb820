import { describe, it, expect } from 'vitest';
import { Hasher, canonicalJson, historyHash } from './hash';
import { Store } from '../store/store';
import type { KubeObject } from '../api/object';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('Hasher', () => {
  it('is stable and sensitive to every character', () => {
    const h = (s: string) => {
      const x = new Hasher();
      x.update(s);
      return x.digest();
    };
    expect(h('abc')).toBe(h('abc'));
    expect(h('abc')).not.toBe(h('abd'));
    expect(h('abc')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('historyHash', () => {
  const obj = (name: string, v: number) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v: String(v) } }) as unknown as KubeObject;
  it('is equal for equal histories and differs when any write differs', () => {
    const a = new Store<KubeObject>();
    const b = new Store<KubeObject>();
    const c = new Store<KubeObject>();
    for (const s of [a, b]) s.txn([], [{ type: 'put', key: '/registry/core/configmaps/x', value: obj('x', 1) }]);
    c.txn([], [{ type: 'put', key: '/registry/core/configmaps/x', value: obj('x', 2) }]);
    expect(historyHash(a)).toBe(historyHash(b));
    expect(historyHash(a)).not.toBe(historyHash(c));
  });
  it('can stop at a revision', () => {
    const a = new Store<KubeObject>();
    a.txn([], [{ type: 'put', key: '/registry/core/configmaps/x', value: obj('x', 1) }]);
    const first = historyHash(a);
    a.txn([], [{ type: 'put', key: '/registry/core/configmaps/x', value: obj('x', 2) }]);
    expect(historyHash(a, 1)).toBe(first);
    expect(historyHash(a)).not.toBe(first);
  });
});
