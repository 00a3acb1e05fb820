import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { countKind, namespaceNames, visibleKinds } from './counts';
import { BROWSER_KINDS, browserKind } from './resourceKinds';

const o = (kind: string, name: string, namespace?: string): [string, KubeObject] => [
  `${namespace}/${name}`,
  { apiVersion: 'v1', kind, metadata: { name, namespace, uid: `${namespace}/${name}` } },
];

const objects = {
  Pod: new Map([o('Pod', 'a', 'default'), o('Pod', 'b', 'default'), o('Pod', 'c', 'kube-system')]),
  Node: new Map([o('Node', 'n1'), o('Node', 'n2')]),
  Namespace: new Map([o('Namespace', 'kube-system'), o('Namespace', 'default')]),
};

describe('counts', () => {
  it('counts a namespaced kind per namespace and across all', () => {
    const pods = browserKind('Pod')!;
    expect(countKind(objects, pods, 'default')).toBe(2);
    expect(countKind(objects, pods, null)).toBe(3);
    expect(countKind(objects, pods, 'nowhere')).toBe(0);
  });

  it('counts cluster-scoped kinds whatever the namespace, and unmirrored kinds as 0', () => {
    expect(countKind(objects, browserKind('Node')!, 'default')).toBe(2);
    expect(countKind(objects, browserKind('Secret')!, 'default')).toBe(0);
  });

  it('lists namespaces sorted, keeping the selected one', () => {
    expect(namespaceNames(objects, null)).toEqual(['default', 'kube-system']);
    expect(namespaceNames(objects, 'gone')).toEqual(['default', 'gone', 'kube-system']);
    expect(namespaceNames({}, null)).toEqual([]);
  });

  it('shows kinds that have objects plus the current one, or everything', () => {
    const counts = new Map([['Pod', 2], ['Deployment', 0], ['Node', 3]]);
    expect(visibleKinds(BROWSER_KINDS, counts, 'Secret', false).map((k) => k.kind)).toEqual(['Pod', 'Secret', 'Node']);
    expect(visibleKinds(BROWSER_KINDS, counts, 'Pod', true)).toHaveLength(20);
    expect(visibleKinds(BROWSER_KINDS, new Map(), 'Pod', false).map((k) => k.kind)).toEqual(['Pod']);
  });

  it('covers the kinds the brief names, each once', () => {
    expect(BROWSER_KINDS).toHaveLength(20);
    expect(new Set(BROWSER_KINDS.map((k) => k.resource)).size).toBe(20);
    expect(browserKind('Lease')).toBeUndefined();
  });
});
