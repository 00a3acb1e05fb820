import { describe, expect, it } from 'vitest';
import { isStatus } from '../status';
import { negotiateTable } from './accept';
import { defaultPrinter } from './defaultprinter';
import { NOW, obj, pod, running } from './fixtures';
import { podPrinter } from './pod';
import { buildTable, parseIncludeObject, watchTableEncoder } from './table';

const KUBECTL_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('buildTable', () => {
  const p1 = pod({ name: 'a', phase: 'Running', statuses: [running('app')] });
  p1.metadata.resourceVersion = '41';
  p1.metadata.uid = 'uid-a';
  const p2 = pod({ name: 'b', phase: 'Succeeded' });

  it('lists with columns, PartialObjectMetadata rows and list metadata', () => {
    const t = buildTable(podPrinter, [p1, p2], NOW, { listMeta: { resourceVersion: '42', continue: '' } });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '42' });
    expect(t.columnDefinitions?.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(t.columnDefinitions?.[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    // Every definition carries `format`, empty when unset, as Go serialises it.
    expect(t.columnDefinitions?.[1].format).toBe('');
    expect(t.columnDefinitions?.[5].priority).toBe(1);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0].cells.slice(0, 3)).toEqual(['a', '1/1', 'Running']);
    expect(t.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p1.metadata });
    expect(t.rows[0].conditions).toBeUndefined();
    expect(t.rows[1].conditions?.[0]).toMatchObject({ type: 'Completed', status: 'True', reason: 'Succeeded' });
  });

  it('includeObject Object embeds the object, None leaves null', () => {
    expect(buildTable(podPrinter, [p1], NOW, { includeObject: 'Object', listMeta: {} }).rows[0].object).toBe(p1);
    expect(buildTable(podPrinter, [p1], NOW, { includeObject: 'None', listMeta: {} }).rows[0].object).toBeNull();
  });

  it('noHeaders drops the column definitions; continue and remainingItemCount pass through', () => {
    const t = buildTable(podPrinter, [], NOW, { noHeaders: true, listMeta: { resourceVersion: '7', continue: 'tok', remainingItemCount: 3 } });
    expect(t.columnDefinitions).toBeNull();
    expect(t.rows).toEqual([]);
    expect(t.metadata).toEqual({ resourceVersion: '7', continue: 'tok', remainingItemCount: 3 });
  });

  it('v1beta1 Tables carry v1beta1 partial metadata', () => {
    const t = buildTable(podPrinter, [p1], NOW, { apiVersion: 'meta.k8s.io/v1beta1', listMeta: {} });
    expect(t.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(t.rows[0].object).toMatchObject({ apiVersion: 'meta.k8s.io/v1beta1', kind: 'PartialObjectMetadata' });
  });

  it('survives JSON round trip with the wire field names', () => {
    const json = JSON.parse(JSON.stringify(buildTable(defaultPrinter, [obj('rbac.authorization.k8s.io/v1', 'Role', 'r', {}, { creationTimestamp: '2024-03-04T05:06:07Z' })], NOW, { listMeta: { resourceVersion: '1' } })));
    expect(Object.keys(json).sort()).toEqual(['apiVersion', 'columnDefinitions', 'kind', 'metadata', 'rows']);
    expect(json.rows[0].cells).toEqual(['r', '2024-03-04T05:06:07Z']);
  });
});

describe('watchTableEncoder', () => {
  it('sends column definitions with the first event only', () => {
    const enc = watchTableEncoder(podPrinter, {});
    const a = pod({ name: 'a' });
    a.metadata.resourceVersion = '10';
    const first = enc(a, NOW);
    const second = enc(pod({ name: 'b' }), NOW);
    expect(first.columnDefinitions).not.toBeNull();
    expect(first.metadata).toEqual({ resourceVersion: '10' });
    expect(first.rows.map((r) => r.cells[0])).toEqual(['a']);
    expect(second.columnDefinitions).toBeNull();
    expect(second.rows[0].cells[0]).toBe('b');
  });
});

describe('parseIncludeObject', () => {
  it.each([
    [undefined, 'Metadata'],
    ['', 'Metadata'],
    ['None', 'None'],
    ['Metadata', 'Metadata'],
    ['Object', 'Object'],
  ])('%j → %s', (v, want) => {
    expect(parseIncludeObject(v)).toBe(want);
  });

  it('rejects unknown values with upstream 400', () => {
    const s = parseIncludeObject('object');
    expect(isStatus(s)).toBe(true);
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest', message: 'unrecognized includeObject value: "object"' });
  });
});

describe('negotiateTable', () => {
  it.each([
    [KUBECTL_ACCEPT, 'meta.k8s.io/v1'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json', 'meta.k8s.io/v1beta1'],
    ['application/json;as=Table;v=v2;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io', 'meta.k8s.io/v1'],
    ['application/json', undefined],
    ['application/json,application/json;as=Table;v=v1;g=meta.k8s.io', undefined],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', undefined],
    ['application/yaml;as=Table;v=v1;g=meta.k8s.io', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (accept, want) => {
    expect(negotiateTable(accept)).toBe(want);
  });
});
