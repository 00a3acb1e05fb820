import { describe, expect, it } from 'vitest';
import { crdPrinter, customResourcePrinter } from './customresource';
import { ago, H, NOW, obj } from './fixtures';
import { findResults, parseJsonPath } from './jsonpath';

const widget = obj('example.com/v1', 'Widget', 'w1', {
  spec: { replicas: 3, size: 'large', ratio: 1.5, enabled: true, tags: { b: 2, a: 1 }, list: ['x', 'y'] },
  status: {
    conditions: [
      { type: 'Synced', status: 'False' },
      { type: 'Ready', status: 'True', lastTransitionTime: ago(4 * H) },
    ],
    observedGeneration: 4,
  },
});

function query(path: string): unknown[] {
  const p = parseJsonPath(path);
  if (!p.ok) throw new Error(p.error);
  return findResults(p, widget);
}

describe('jsonpath subset', () => {
  it.each([
    ['.spec.replicas', [3]],
    ['{.spec.size}', ['large']],
    ['.metadata.name', ['w1']],
    ['.spec.missing', []],
    ['.spec.size.deeper', []],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    [".status.conditions[?(@.type=='Synced')].status", ['False']],
    ['.status.conditions[?(@.type!="Ready")].type', ['Synced']],
    ['.status.conditions[0].type', ['Synced']],
    ['.status.conditions[-1].type', ['Ready']],
    ['.status.conditions[5].type', []],
    ['.status.conditions[*].type', ['Synced', 'Ready']],
    ['.status.conditions[?(@.lastTransitionTime)].type', ['Ready']],
    ["['spec']['size']", ['large']],
    ['.status.observedGeneration', [4]],
  ])('%s', (path, want) => {
    expect(query(path)).toEqual(want);
  });

  it.each(['', 'spec.size', '.spec[', '.a[?(@.x=="y")', '.a[abc]'])('rejects %j', (path) => {
    expect(parseJsonPath(path).ok).toBe(false);
  });
});

describe('custom resource printer', () => {
  it('defaults to NAME and AGE (type date) when a version declares no columns', () => {
    const p = customResourcePrinter(undefined);
    expect(p.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Age', 'date', 0],
    ]);
    expect(p.row(widget, NOW)).toEqual(['w1', '5m']);
  });

  it('prints additionalPrinterColumns by type, null where nothing matches or the type is wrong', () => {
    const p = customResourcePrinter([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ratio', type: 'integer', jsonPath: '.spec.ratio' },
      { name: 'Size', type: 'string', jsonPath: '.spec.size', priority: 1, description: 'How big' },
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: 'Since', type: 'date', jsonPath: '.status.conditions[?(@.type=="Ready")].lastTransitionTime' },
      { name: 'Enabled', type: 'boolean', jsonPath: '.spec.enabled' },
      { name: 'Number', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'Tags', type: 'string', jsonPath: '.spec.tags' },
      { name: 'Gen', type: 'string', jsonPath: '.status.observedGeneration' },
      { name: 'WrongType', type: 'boolean', jsonPath: '.spec.size' },
      { name: 'Missing', type: 'string', jsonPath: '.spec.nope' },
      { name: 'BadDate', type: 'date', jsonPath: '.spec.size' },
    ]);
    expect(p.columns[3]).toMatchObject({ name: 'Size', priority: 1, description: 'How big', format: '' });
    expect(p.columns[1].description).toBe('Custom resource definition column (in JSONPath format): .spec.replicas');
    expect(p.row(widget, NOW)).toEqual(['w1', 3, 1, 'large', 'True', '4h', true, 1.5, '{"a":1,"b":2}', '4', null, null, '<invalid>']);
  });

  it('reads the columns of the requested CRD version', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget' },
        scope: 'Namespaced',
        versions: [
          { name: 'v1', served: true, storage: true, additionalPrinterColumns: [{ name: 'Size', type: 'string', jsonPath: '.spec.size' }] },
          { name: 'v2', served: true, storage: false },
        ],
      },
    };
    expect(crdPrinter(crd, 'v1').columns.map((c) => c.name)).toEqual(['Name', 'Size']);
    expect(crdPrinter(crd, 'v2').columns.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(crdPrinter(crd, 'v9').columns.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});
