import { describe, it, expect } from 'vitest';
import { tableModel, errorMessage, parseTable, identifierFrom } from './serverTable';

const podTable = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '9' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique', priority: 0 },
    { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
    { name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1 },
  ],
  rows: [
    { cells: ['web-b', '1/1', 'Running', 0, '5m', '10.244.1.2', '<none>'], object: { kind: 'PartialObjectMetadata', metadata: { name: 'web-b', namespace: 'default', uid: 'u-b' } } },
    { cells: ['web-a', '0/1', 'ContainerCreating', 0, '5s', null, '<none>'], object: { kind: 'PartialObjectMetadata', metadata: { name: 'web-a', namespace: 'default', uid: 'u-a' } } },
    { cells: ['web-a', '1/1', 'Running', 0, '1m', '10.244.2.2', '<none>'], object: { kind: 'PartialObjectMetadata', metadata: { name: 'web-a', namespace: 'apps', uid: 'u-a2' } } },
  ],
};

describe('tableModel', () => {
  it('shows the priority-0 columns kubectl get prints, upper-cased, rows sorted by name', () => {
    const m = tableModel(podTable, { wide: false, withNamespace: false, sort: 'asc' })!;
    expect(m.columns.map((c) => c.header)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(m.rows.map((r) => `${r.namespace}/${r.name}`)).toEqual(['apps/web-a', 'default/web-a', 'default/web-b']);
    expect(m.rows[1]).toEqual({ uid: 'u-a', name: 'web-a', namespace: 'default', cells: ['web-a', '0/1', 'ContainerCreating', '0', '5s'] });
  });

  it('adds priority-1 columns when wide and NAMESPACE first across namespaces; sorts descending', () => {
    const m = tableModel(podTable, { wide: true, withNamespace: true, sort: 'desc' })!;
    expect(m.columns.map((c) => c.header)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NOMINATED NODE']);
    expect(m.rows.map((r) => r.name)).toEqual(['web-b', 'web-a', 'web-a']);
    expect(m.rows[2].cells).toEqual(['default', 'web-a', '0/1', 'ContainerCreating', '0', '5s', '', '<none>']);
  });

  it('rejects bodies that are not Tables and survives rows without objects', () => {
    expect(tableModel({ kind: 'Status', code: 404 }, { wide: false, withNamespace: false, sort: 'asc' })).toBeUndefined();
    expect(tableModel({ kind: 'PodList', items: [] }, { wide: false, withNamespace: false, sort: 'asc' })).toBeUndefined();
    expect(parseTable(null)).toBeUndefined();
    const bare = { kind: 'Table', columnDefinitions: [{ name: 'Name', priority: 0 }], rows: [{ cells: ['x'], object: null }, 'junk', { cells: 'no' }] };
    const m = tableModel(bare, { wide: false, withNamespace: false, sort: 'asc' })!;
    expect(m.rows.map((r) => [r.name, r.cells])).toEqual([
      ['', ['']],
      ['x', ['x']],
    ]);
    expect(new Set(m.rows.map((r) => r.uid)).size).toBe(2);
  });
});

describe('rows without objects (includeObject=None)', () => {
  const events = {
    kind: 'Table',
    columnDefinitions: [
      { name: 'Last Seen', priority: 0 },
      { name: 'Message', priority: 0 },
      { name: 'Name', format: 'name', priority: 1 },
    ],
    rows: [
      { cells: ['5s', 'x', 'cfg'], object: null },
      { cells: ['5s', 'y', 'cfg'], object: null },
      { cells: ['1s', 'z', 'new-one'], object: null },
    ],
  };
  const mirrored = [
    { metadata: { name: 'cfg', namespace: 'kube-system', uid: 'u-ks' } },
    { metadata: { name: 'cfg', namespace: 'default', uid: 'u-def' } },
    { metadata: { name: 'other', namespace: 'default', uid: 'u-o' } },
  ];

  it('finds each row by name, same names in namespace order, from the Name column wherever it is', () => {
    const m = tableModel(events, { wide: false, withNamespace: true, sort: 'asc', identify: identifierFrom(mirrored, null) })!;
    expect(m.rows.map((r) => [r.name, r.namespace, r.uid])).toEqual([
      ['cfg', 'default', 'u-def'],
      ['cfg', 'kube-system', 'u-ks'],
      ['new-one', undefined, '/new-one#2'],
    ]);
    expect(m.rows[1].cells).toEqual(['kube-system', '5s', 'y']);
  });

  it('restricts the lookup to one namespace', () => {
    const id = identifierFrom(mirrored, 'kube-system');
    expect(id('cfg', 0)).toEqual({ uid: 'u-ks', namespace: 'kube-system' });
    expect(id('cfg', 1)).toBeUndefined();
    expect(id('other', 0)).toBeUndefined();
  });
});

describe('errorMessage', () => {
  it('prefers the Status message', () => {
    expect(errorMessage(404, { kind: 'Status', message: 'pods "x" not found' })).toBe('pods "x" not found');
    expect(errorMessage(500, 'boom')).toBe('HTTP 500');
  });
});
