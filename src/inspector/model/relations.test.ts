import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../workers/api/object';
import { dependentsOf, ownersOf, type ObjectsByKind } from './relations';

function obj(kind: string, name: string, uid: string, owners: Array<{ kind: string; name: string; uid: string; controller?: boolean }> = []): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, namespace: 'default', uid, ownerReferences: owners.map((o) => ({ apiVersion: 'apps/v1', ...o })) } } as KubeObject;
}

const deploy = obj('Deployment', 'web', 'd1');
const rs = obj('ReplicaSet', 'web-abc', 'r1', [{ kind: 'Deployment', name: 'web', uid: 'd1', controller: true }]);
const podB = obj('Pod', 'web-abc-b', 'p2', [{ kind: 'ReplicaSet', name: 'web-abc', uid: 'r1', controller: true }]);
const podA = obj('Pod', 'web-abc-a', 'p1', [{ kind: 'ReplicaSet', name: 'web-abc', uid: 'r1', controller: true }]);
const orphan = obj('Pod', 'lonely', 'p3', [{ kind: 'ReplicaSet', name: 'gone', uid: 'r-gone' }]);

const objects: ObjectsByKind = {
  Deployment: new Map([['d1', deploy]]),
  ReplicaSet: new Map([['r1', rs]]),
  Pod: new Map([['p2', podB], ['p1', podA], ['p3', orphan]]),
};

describe('relations', () => {
  it('finds owners from ownerReferences, marking the controller and whether it still exists', () => {
    expect(ownersOf(podA, objects)).toEqual([{ kind: 'ReplicaSet', name: 'web-abc', namespace: 'default', uid: 'r1', controller: true, found: true }]);
    expect(ownersOf(orphan, objects)).toEqual([{ kind: 'ReplicaSet', name: 'gone', namespace: 'default', uid: 'r-gone', controller: false, found: false }]);
    expect(ownersOf(deploy, objects)).toEqual([]);
  });

  it('finds dependents across kinds, sorted by kind then name', () => {
    expect(dependentsOf('r1', objects).map((r) => r.name)).toEqual(['web-abc-a', 'web-abc-b']);
    expect(dependentsOf('d1', objects).map((r) => `${r.kind}/${r.name}`)).toEqual(['ReplicaSet/web-abc']);
    expect(dependentsOf('p1', objects)).toEqual([]);
    expect(dependentsOf(undefined, objects)).toEqual([]);
  });

  it('ignores malformed ownerReferences', () => {
    const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', uid: 'x', ownerReferences: 'nope' } } as unknown as KubeObject;
    const weird = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'y', uid: 'y', ownerReferences: [null, 3, { kind: 'ReplicaSet' }] } } as unknown as KubeObject;
    expect(ownersOf(bad, objects)).toEqual([]);
    expect(ownersOf(weird, objects)).toEqual([{ kind: 'ReplicaSet', name: '', namespace: undefined, uid: '', controller: false, found: false }]);
    expect(dependentsOf('x', { Pod: new Map([['x', bad], ['y', weird]]) })).toEqual([]);
  });
});
