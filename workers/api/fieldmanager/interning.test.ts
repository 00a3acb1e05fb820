import { describe, it, expect } from 'vitest';
import { goJson, goJsonString } from './goText';
import { keyPE, singleKeyPE } from './pathElement';
import { listItemPE, listSemantics, type ListSemantics } from './schemaInfo';
import { prefixFromUserAgent, validateFieldManager } from './managerName';
import type { PatchSchema } from '../patch/schema';

/** The FieldsV1 key of a list-map item, built the slow way. */
const expectedKey = (fields: [string, unknown][]) =>
  `k:{${[...fields]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`)
    .join(',')}}`;

describe('interned list-item keys', () => {
  const values: unknown[] = ['Ready', '', 'a"b<c>&', 'é', 0, -3, 1.5, true, false, '1', 1];
  it('render exactly as freshly built keys, whether first built or reused', () => {
    for (let round = 0; round < 2; round++) {
      for (const v of values) {
        expect(singleKeyPE('type', v).key).toBe(expectedKey([['type', v]]));
        expect(keyPE([['type', v]]).key).toBe(expectedKey([['type', v]]));
        expect(keyPE([['type', v]])).toBe(singleKeyPE('type', v));
      }
    }
    // The string "1" and the number 1 stay apart.
    expect(singleKeyPE('port', '1')).not.toBe(singleKeyPE('port', 1));
    expect(singleKeyPE('port', '1').key).toBe('k:{"port":"1"}');
    expect(singleKeyPE('port', 1).key).toBe('k:{"port":1}');
  });

  it('leave multi-key and non-primitive keys to the general builder', () => {
    const pe = keyPE([['protocol', 'TCP'], ['containerPort', 80]]);
    expect(pe.key).toBe('k:{"containerPort":80,"protocol":"TCP"}');
    expect(keyPE([['x', { b: 1, a: 2 }]]).key).toBe('k:{"x":{"a":2,"b":1}}');
  });

  it('give listItemPE the same element as the general path', () => {
    const sem: ListSemantics = { type: 'map', keys: ['name'] };
    for (const v of values) expect((listItemPE(sem, { name: v, other: 1 }) as { key: string }).key).toBe(expectedKey([['name', v]]));
    expect(listItemPE(sem, { other: 1 })).toBeInstanceOf(Error);
    expect((listItemPE(sem, { other: 1 }) as Error).message).toBe('associative list with keys has an element that omits key field "name" (and doesn\'t have default value)');
    expect((listItemPE(sem, { name: null }) as { key: string }).key).toBe('k:{"name":null}');
    expect((listItemPE({ type: 'map', keys: ['protocol'] }, {}) as { key: string }).key).toBe('k:{"protocol":"TCP"}');
    expect((listItemPE(sem, { name: { nested: true } }) as { key: string }).key).toBe('k:{"name":{"nested":true}}');
  });

  it('list semantics are remembered per schema and unchanged', () => {
    const mk = (p: Partial<PatchSchema>): PatchSchema => ({ kind: 'list', field: () => undefined, items: () => undefined, ...p });
    const keyed = mk({ patchStrategy: 'merge', patchMergeKey: 'name' });
    expect(listSemantics(keyed)).toEqual({ type: 'map', keys: ['name'] });
    expect(listSemantics(keyed)).toBe(listSemantics(keyed));
    expect(listSemantics(mk({ listType: 'set' }))).toEqual({ type: 'set' });
    expect(listSemantics(mk({ listType: 'map', listMapKeys: ['a', 'b'] }))).toEqual({ type: 'map', keys: ['a', 'b'] });
    expect(listSemantics(mk({}))).toEqual({ type: 'atomic' });
    expect(listSemantics(undefined)).toEqual({ type: 'atomic' });
  });
});

describe('user-agent prefixes and byte lengths', () => {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  it('count UTF-8 bytes as TextEncoder does, surrogates included', () => {
    for (const s of ['a', 'é', '€', '😀', '\ud800', '\udc00x', 'x'.repeat(128), 'é'.repeat(64), '😀'.repeat(32), '😀'.repeat(33)]) {
      expect(validateFieldManager(s).some((e) => e.type === 'FieldValueTooLong')).toBe(bytes(s) > 128);
    }
  });
  it('answer the same the second time (memoized) as the first', () => {
    for (const ua of ['kubelet/v1.32.0 (linux/amd64) kubernetes/abc', 'é'.repeat(100), '😀'.repeat(40) + '/x', 'a\u0007b/1']) {
      const first = prefixFromUserAgent(ua);
      expect(prefixFromUserAgent(ua)).toBe(first);
      expect(bytes(first)).toBeLessThanOrEqual(128);
    }
    expect(prefixFromUserAgent('😀'.repeat(40) + '/x')).toBe('😀'.repeat(32));
  });
});
