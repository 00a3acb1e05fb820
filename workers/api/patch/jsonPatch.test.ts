import { describe, expect, it } from 'vitest';
import { applyJsonPatch, decodeJsonPatch } from './jsonPatch';

const doc = () => ({
  metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['a', 'b'] },
  spec: { replicas: 2, containers: [{ name: 'c0', image: 'nginx' }, { name: 'c1', image: 'redis' }], empty: null },
});

function ok(ops: unknown, original: unknown = doc()): unknown {
  const r = applyJsonPatch(original, ops);
  if (!r.ok) throw new Error(`${r.stage}: ${r.message}`);
  return r.value;
}

describe('applyJsonPatch: operations', () => {
  it('add / replace / remove on maps and arrays', () => {
    const out = ok([
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels/tier', value: 'front' },
      { op: 'remove', path: '/metadata/labels/app' },
      { op: 'add', path: '/spec/containers/1', value: { name: 'mid' } },
      { op: 'add', path: '/spec/containers/-', value: { name: 'last' } },
      { op: 'remove', path: '/metadata/finalizers/0' },
    ]) as ReturnType<typeof doc>;
    expect(out.spec.replicas).toBe(3);
    expect(out.metadata.labels).toEqual({ tier: 'front' });
    expect(out.spec.containers.map((c) => c.name)).toEqual(['c0', 'mid', 'c1', 'last']);
    expect(out.metadata.finalizers).toEqual(['b']);
  });

  it('escapes ~1 and ~0 in path tokens (annotation keys with slashes)', () => {
    const out = ok([{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' }, { op: 'add', path: '/metadata/labels/a~0b', value: 'y' }]) as ReturnType<typeof doc>;
    expect(out.metadata.labels).toEqual({ app: 'web', 'app.kubernetes.io/name': 'x', 'a~b': 'y' });
  });

  it('move and copy', () => {
    const out = ok([
      { op: 'copy', from: '/spec/containers/0', path: '/spec/containers/-' },
      { op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' },
    ]) as ReturnType<typeof doc>;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['c0', 'c1', 'c0']);
    expect(out.metadata.labels).toEqual({ name: 'web' });
  });

  it('negative indexes count from the end; add may target the append position', () => {
    const out = ok([{ op: 'remove', path: '/spec/containers/-1' }]) as ReturnType<typeof doc>;
    expect(out.spec.containers.map((c) => c.name)).toEqual(['c0']);
    const added = ok([
      { op: 'add', path: '/spec/containers/2', value: { name: 'end' } },
      { op: 'add', path: '/spec/containers/-4', value: { name: 'start' } },
    ]) as ReturnType<typeof doc>;
    expect(added.spec.containers.map((c) => c.name)).toEqual(['start', 'c0', 'c1', 'end']);
  });

  it('test passes on equal values, ignoring key order', () => {
    expect(() => ok([{ op: 'test', path: '/spec/containers/0', value: { image: 'nginx', name: 'c0' } }])).not.toThrow();
    expect(() => ok([{ op: 'test', path: '/spec/empty', value: null }])).not.toThrow();
    expect(() => ok([{ op: 'test', path: '/spec/missing', value: null }])).not.toThrow();
  });

  it('mirrors v4 quirks: replace of a missing key adds it; copy of a missing key copies null', () => {
    const out = ok([
      { op: 'replace', path: '/spec/paused', value: true },
      { op: 'copy', from: '/spec/nothing', path: '/spec/copied' },
    ]) as Record<string, Record<string, unknown>>;
    expect(out.spec.paused).toBe(true);
    expect(out.spec.copied).toBeNull();
  });

  it('replace of the root swaps the document; a scalar there is ignored', () => {
    expect(ok([{ op: 'replace', path: '', value: { a: 1 } }])).toEqual({ a: 1 });
    expect(ok([{ op: 'replace', path: '', value: 5 }], { a: 1 })).toEqual({ a: 1 });
  });

  it('never changes its input', () => {
    const original = doc();
    const before = JSON.stringify(original);
    ok([{ op: 'remove', path: '/spec/containers/0' }, { op: 'add', path: '/metadata/labels/x', value: 'y' }], original);
    expect(JSON.stringify(original)).toBe(before);
  });
});

describe('applyJsonPatch: failures', () => {
  it.each<{ name: string; ops: unknown; message: string }>([
    { name: 'failed test', ops: [{ op: 'test', path: '/spec/replicas', value: 5 }], message: 'testing value /spec/replicas failed: test failed' },
    { name: 'test of a missing key against a value', ops: [{ op: 'test', path: '/spec/nope', value: 1 }], message: 'testing value /spec/nope failed: test failed' },
    { name: 'test of a value against null', ops: [{ op: 'test', path: '/spec/replicas', value: null }], message: 'testing value /spec/replicas failed: test failed' },
    {
      name: 'remove of a missing key',
      ops: [{ op: 'remove', path: '/metadata/labels/nope' }],
      message: 'Unable to remove nonexistent key: nope: missing value',
    },
    {
      name: 'add under a missing parent',
      ops: [{ op: 'add', path: '/spec/template/metadata', value: {} }],
      message: 'add operation does not apply: doc is missing path: "/spec/template/metadata": missing value',
    },
    {
      name: 'add past the end of an array',
      ops: [{ op: 'add', path: '/spec/containers/5', value: {} }],
      message: 'Unable to access invalid index: 5: invalid index referenced',
    },
    { name: 'add one past the append position', ops: [{ op: 'add', path: '/spec/containers/3', value: {} }], message: 'Unable to access invalid index: 3: invalid index referenced' },
    { name: 'add before the start of an array', ops: [{ op: 'add', path: '/spec/containers/-4', value: {} }], message: 'Unable to access invalid index: -4: invalid index referenced' },
    { name: 'replace past the end of an array', ops: [{ op: 'replace', path: '/spec/containers/2', value: {} }], message: 'Unable to access invalid index: 2: invalid index referenced' },
    { name: 'unknown op', ops: [{ op: 'frob', path: '/a' }], message: 'Unexpected kind: frob' },
    { name: 'op missing', ops: [{ path: '/a' }], message: 'Unexpected kind: unknown' },
    { name: 'path missing', ops: [{ op: 'add', value: 1 }], message: 'add operation failed to decode path: missing value' },
    { name: 'path through a scalar', ops: [{ op: 'add', path: '/spec/replicas/x', value: 1 }], message: 'add operation does not apply: doc is missing path: "/spec/replicas/x": missing value' },
    { name: 'empty path for add', ops: [{ op: 'add', path: '', value: 1 }], message: 'add operation does not apply: doc is missing path: "": missing value' },
  ])('$name', ({ ops, message }) => {
    const r = applyJsonPatch(doc(), ops);
    expect(r).toEqual({ ok: false, stage: 'apply', message });
  });

  it('stops at the first failing operation and keeps nothing', () => {
    const original = doc();
    const r = applyJsonPatch(original, [{ op: 'replace', path: '/spec/replicas', value: 9 }, { op: 'test', path: '/spec/replicas', value: 2 }]);
    expect(r.ok).toBe(false);
    expect(original.spec.replicas).toBe(2);
  });

  it('refuses copies that grow the document past 3 MiB', () => {
    const big = { blob: 'x'.repeat(1024 * 1024) };
    const r = applyJsonPatch(big, [1, 2, 3].map((i) => ({ op: 'copy', from: '/blob', path: `/c${i}` })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Unable to complete the copy, the accumulated size increase of copy is \d+, exceeding the limit 3145728$/);
  });
});

describe('decodeJsonPatch', () => {
  it.each<[unknown, string]>([
    [{ op: 'add' }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['[]', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [['add'], 'json: cannot unmarshal string into Go value of type jsonpatch.Operation'],
    [[[{}]], 'json: cannot unmarshal array into Go value of type jsonpatch.Operation'],
  ])('refuses %j', (body, message) => {
    expect(decodeJsonPatch(body)).toEqual({ ok: false, message });
  });

  it('accepts null as no operations', () => {
    expect(decodeJsonPatch(null)).toEqual({ ok: true, ops: [] });
  });
});
