import { describe, it, expect } from 'vitest';
import { threeWayPatch } from './threeWay';
import type { PatchSchema } from '../../api/patch';

/** A tiny schema: spec.containers merges by name, everything else is plain. */
const plain: PatchSchema = { kind: 'unknown', field: () => undefined, items: () => undefined };
const container: PatchSchema = { kind: 'object', field: () => undefined, items: () => undefined };
const containers: PatchSchema = { kind: 'list', field: () => undefined, items: () => container, patchStrategy: 'merge', patchMergeKey: 'name' };
const finalizers: PatchSchema = { kind: 'list', field: () => undefined, items: () => plain, patchStrategy: 'merge' };
const spec: PatchSchema = { kind: 'object', field: (n) => (n === 'containers' ? containers : undefined), items: () => undefined };
const meta: PatchSchema = { kind: 'object', field: (n) => (n === 'finalizers' ? finalizers : undefined), items: () => undefined };
const root: PatchSchema = { kind: 'object', field: (n) => (n === 'spec' ? spec : n === 'metadata' ? meta : undefined), items: () => undefined };

describe('threeWayPatch', () => {
  const applied = { metadata: { name: 'a' }, spec: { replicas: 1, containers: [{ name: 'c', image: 'nginx' }] } };
  const live = { metadata: { name: 'a', uid: 'u' }, spec: { replicas: 1, containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Always' }] }, status: { ready: 1 } };

  it('is empty when the manifest did not change (server-set fields are kept)', () => {
    expect(threeWayPatch(applied, applied, live, root)).toEqual({});
  });
  it('changes list items by merge key, with the element order', () => {
    const next = { ...applied, spec: { ...applied.spec, containers: [{ name: 'c', image: 'httpd' }] } };
    expect(threeWayPatch(applied, next, live, root)).toEqual({ spec: { containers: [{ name: 'c', image: 'httpd' }], '$setElementOrder/containers': [{ name: 'c' }] } });
  });
  it('deletes what was applied before and is gone now, but not what others set', () => {
    const next = { metadata: { name: 'a' }, spec: { containers: applied.spec.containers } };
    expect(threeWayPatch(applied, next, live, root)).toEqual({ spec: { replicas: null } });
  });
  it('removes list items with a $patch: delete directive and primitives with $deleteFromPrimitiveList', () => {
    const before = { metadata: { finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'c' }, { name: 'd' }] } };
    const after = { metadata: { finalizers: ['a'] }, spec: { containers: [{ name: 'c' }] } };
    expect(threeWayPatch(before, after, before, root)).toEqual({ metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] }, spec: { containers: [{ name: 'd', $patch: 'delete' }] } });
  });
  it('replaces lists wholesale without a schema (JSON merge patch)', () => {
    const next = { ...applied, spec: { ...applied.spec, containers: [{ name: 'c', image: 'httpd' }] } };
    expect(threeWayPatch(applied, next, live, undefined)).toEqual({ spec: { containers: [{ name: 'c', image: 'httpd' }] } });
  });
});
