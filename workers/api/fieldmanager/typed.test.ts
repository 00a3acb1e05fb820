import { describe, it, expect } from 'vitest';
import { compare } from './compare';
import { merge } from './merge';
import { fieldPath, pathString } from './pathElement';
import { ensureNamedFieldsAreMembers, removeItems } from './remove';
import { FieldSet } from './fieldset';
import { listSemantics } from './schemaInfo';
import { listOf, mapOf, podSchema, prim, struct } from './testing';
import { toFieldSet } from './toFieldSet';

const paths = (s: { paths(): readonly (readonly unknown[])[] }) => s.paths().map((p) => pathString(p as never));

describe('list semantics from the schema', () => {
  it('follows x-kubernetes-list-type, then the patch merge key, else atomic', () => {
    expect(listSemantics(listOf(prim, { listType: 'map', listMapKeys: ['a', 'b'] }))).toEqual({ type: 'map', keys: ['a', 'b'] });
    expect(listSemantics(listOf(prim, { patchStrategy: 'merge', patchMergeKey: 'name' }))).toEqual({ type: 'map', keys: ['name'] });
    expect(listSemantics(listOf(prim, { patchStrategy: 'merge' }))).toEqual({ type: 'set' });
    expect(listSemantics(listOf(prim, { patchStrategy: 'replace', patchMergeKey: 'name' }))).toEqual({ type: 'atomic' });
    expect(listSemantics(listOf(prim))).toEqual({ type: 'atomic' });
    expect(listSemantics(undefined)).toEqual({ type: 'atomic' });
  });
});

describe('toFieldSet', () => {
  it('owns set items by value, duplicates as a whole, and untyped maps entry by entry', () => {
    const s = struct({ finalizers: listOf(prim, { listType: 'set' }), items: listOf(struct({ k: prim, v: prim }), { listType: 'map', listMapKeys: ['k'] }) });
    const set = toFieldSet({ finalizers: ['b', 'a'], items: [{ k: 1, v: 1 }, { k: 1, v: 2 }, { k: 2 }], extra: { x: { y: 1 } } }, s);
    expect(paths(set)).toEqual(['.extra', '.extra.x', '.extra.x.y', '.finalizers[="a"]', '.finalizers[="b"]', '.items[k=1]', '.items[k=2]', '.items[k=2].k']);
  });
  it('owns empty and null struct fields but not an empty keyed list', () => {
    const set = toFieldSet({ spec: { securityContext: {}, nodeName: null, containers: [] } }, podSchema);
    expect(paths(set)).toEqual(['.spec.nodeName', '.spec.securityContext']);
  });
});

describe('compare', () => {
  it('marks a new map entry container as added and a changed atomic list as modified', () => {
    const s = struct({ labels: mapOf(prim), args: listOf(prim) });
    const c = compare({ args: ['a'] }, { labels: { x: '1' }, args: ['b'] }, s);
    expect(paths(c.added)).toEqual(['.labels', '.labels.x']);
    expect(paths(c.modified)).toEqual(['.args']);
    expect(c.removed.empty()).toBe(true);
  });
  it('sees a removed list item as removed with its fields', () => {
    const l = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } };
    const r = { spec: { containers: [{ name: 'a', image: 'x' }] } };
    // resources: Go always encodes a container's (empty) resources, so it goes too.
    expect(paths(compare(l, r, podSchema).removed)).toEqual(['.spec.containers[name="b"]', '.spec.containers[name="b"].name', '.spec.containers[name="b"].resources']);
  });
});

describe('merge and removeItems', () => {
  it('keeps the configuration\'s leaves and live-only fields', () => {
    const live = { spec: { nodeName: 'n1', containers: [{ name: 'a', image: 'old', args: ['1', '2'] }] } };
    const cfg = { spec: { containers: [{ name: 'a', image: 'new', args: ['3'] }] } };
    expect(merge(live, cfg, podSchema)).toEqual({ spec: { nodeName: 'n1', containers: [{ name: 'a', image: 'new', args: ['3'] }] } });
  });
  it('merges granular maps and replaces atomic ones', () => {
    const s = struct({ labels: mapOf(prim), selector: mapOf(prim, { mapType: 'atomic' }) });
    expect(merge({ labels: { a: '1' }, selector: { a: '1' } }, { labels: { b: '2' }, selector: { b: '2' } }, s)).toEqual({
      labels: { a: '1', b: '2' },
      selector: { b: '2' },
    });
  });
  it('removes named items and whatever empties', () => {
    const v = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }], nodeName: 'n' } };
    const set = toFieldSet({ spec: { containers: [{ name: 'b' }], nodeName: 'n' } }, podSchema);
    expect(removeItems(v, set, podSchema)).toEqual({ spec: { containers: [{ name: 'a', image: 'x' }] } });
    expect(removeItems({ a: 1 }, toFieldSet({ a: 1 }, undefined), undefined)).toBeUndefined();
  });
});

describe('compare with ignored fields', () => {
  it('skips reset subtrees exactly as filtering them out afterwards would', () => {
    const ignore = FieldSet.of(fieldPath('status'), fieldPath('metadata', 'managedFields'));
    const l = { metadata: { labels: { a: '1' }, managedFields: [{ manager: 'x' }] }, status: { phase: 'Pending' } };
    const r = { metadata: { labels: { a: '2' }, managedFields: [] }, status: { phase: 'Running', podIP: '1.2.3.4' } };
    const c = compare(l, r, podSchema, ignore);
    expect(paths(c.modified)).toEqual(['.metadata.labels.a']);
    expect(c.added.empty() && c.removed.empty()).toBe(true);
    const all = compare(l, r, podSchema);
    expect(paths(all.modified)).toContain('.status.phase');
  });
});

describe('ensureNamedFieldsAreMembers', () => {
  it('makes struct fields with owned children members, not map entries or list items', () => {
    const set = toFieldSet({ metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c', image: 'i' }] } }, podSchema);
    expect(paths(ensureNamedFieldsAreMembers(set, podSchema))).toEqual([
      '.metadata',
      '.spec',
      '.metadata.labels',
      '.metadata.labels.a',
      '.spec.containers',
      '.spec.containers[name="c"]',
      '.spec.containers[name="c"].image',
      '.spec.containers[name="c"].name',
    ]);
  });
});

describe("Go's implicit values", () => {
  it('treats value structs as present but pointer structs of the same name as absent', () => {
    const container = struct({ name: prim, image: prim, resources: struct({ limits: mapOf(prim) }) });
    const pod = struct({ resources: struct({ limits: mapOf(prim) }), containers: listOf(container, { listType: 'map', listMapKeys: ['name'] }) });
    const c = compare({}, { containers: [{ name: 'a' }] }, pod);
    expect(paths(c.added)).toEqual(['.containers[name="a"]', '.containers[name="a"].name', '.containers[name="a"].resources']);
    const rc = struct({ selector: mapOf(prim), template: struct({ spec: struct({ x: prim }) }) });
    expect(paths(compare({}, { template: { spec: { x: 1 } } }, rc).added)).toEqual(['.template', '.template.spec', '.template.spec.x']);
  });
});
