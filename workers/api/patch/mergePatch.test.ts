import { describe, expect, it } from 'vitest';
import { mergePatch } from './mergePatch';

type Json = Record<string, unknown>;

describe('mergePatch (RFC 7386, evanphx/json-patch v4 quirks)', () => {
  it.each<{ name: string; original: Json; patch: unknown; result: unknown }>([
    { name: 'sets and replaces keys', original: { a: 1, b: { c: 2 } }, patch: { a: 3, d: 4 }, result: { a: 3, b: { c: 2 }, d: 4 } },
    { name: 'null deletes', original: { a: 1, b: 2 }, patch: { b: null }, result: { a: 1 } },
    { name: 'null for a missing key is a no-op', original: { a: 1 }, patch: { z: null }, result: { a: 1 } },
    { name: 'nested maps merge', original: { m: { a: 1, b: 2 } }, patch: { m: { b: null, c: 3 } }, result: { m: { a: 1, c: 3 } } },
    { name: 'lists are replaced, never merged', original: { l: [1, 2, 3] }, patch: { l: [4] }, result: { l: [4] } },
    { name: 'an object replaces a scalar', original: { a: 'x' }, patch: { a: { b: 1, c: null } }, result: { a: { b: 1 } } },
    { name: 'a scalar replaces an object', original: { a: { b: 1 } }, patch: { a: 'x' }, result: { a: 'x' } },
    { name: 'a live null counts as absent', original: { a: null }, patch: { a: { b: null, c: 1 } }, result: { a: { c: 1 } } },
    {
      name: 'nulls are pruned from maps copied in, but null list items stay',
      original: {},
      patch: { l: [null, { a: null, b: 1 }] },
      result: { l: [null, { b: 1 }] },
    },
    { name: 'an array patch replaces the document', original: { a: 1 }, patch: [1, { x: null }], result: [1, {}] },
    { name: 'an empty patch changes nothing', original: { a: 1 }, patch: {}, result: { a: 1 } },
  ])('$name', ({ original, patch, result }) => {
    expect(mergePatch(original, patch)).toEqual({ ok: true, value: result });
  });

  it.each([null, 'x', 3, true])('refuses the patch %j', (patch) => {
    expect(mergePatch({ a: 1 }, patch)).toEqual({ ok: false, message: 'Invalid JSON Patch' });
  });

  it('labels: add one, remove another', () => {
    const live = { metadata: { name: 'p', labels: { a: '1', b: '2' } }, spec: { x: 1 } };
    const r = mergePatch(live, { metadata: { labels: { b: null, c: '3' } } });
    expect(r).toEqual({ ok: true, value: { metadata: { name: 'p', labels: { a: '1', c: '3' } }, spec: { x: 1 } } });
  });

  it('never changes its inputs', () => {
    const original = { m: { a: 1 } };
    const patch = { m: { a: null, b: { c: null } } };
    mergePatch(original, patch);
    expect(original).toEqual({ m: { a: 1 } });
    expect(patch).toEqual({ m: { a: null, b: { c: null } } });
  });
});
