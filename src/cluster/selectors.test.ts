import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { selectSelectedObject, selectSyncedAll, selectionOf } from './selectors';
import { createClusterStore } from './store';

const pod = (name: string, uid: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid } });

describe('selectors', () => {
  it('finds the selected object while it exists, by uid', () => {
    const store = createClusterStore();
    store.getState().applyChanges([{ type: 'replace', kind: 'Pod', objects: [pod('a', 'u1'), pod('b', 'u2')] }]);
    expect(selectSelectedObject(store.getState())).toBeUndefined();
    store.getState().select(selectionOf(pod('b', 'u2')));
    expect(selectSelectedObject(store.getState())?.metadata.name).toBe('b');
    store.getState().applyChanges([{ type: 'delete', kind: 'Pod', object: pod('b', 'u2') }]);
    expect(selectSelectedObject(store.getState())).toBeUndefined();
  });

  it('does not confuse a recreated object of the same name', () => {
    const store = createClusterStore();
    store.getState().applyChanges([{ type: 'replace', kind: 'Pod', objects: [pod('a', 'u-new')] }]);
    store.getState().select({ kind: 'Pod', namespace: 'default', name: 'a', uid: 'u-old' });
    expect(selectSelectedObject(store.getState())).toBeUndefined();
  });

  it('selectionOf fills cluster-scoped namespaces with an empty string', () => {
    expect(selectionOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'x' } })).toEqual({ kind: 'Node', namespace: '', name: 'n1', uid: 'x' });
  });

  it('is synced only when every kind has listed', () => {
    const store = createClusterStore();
    store.getState().applyChanges([{ type: 'replace', kind: 'Pod', objects: [] }]);
    expect(selectSyncedAll(['Pod'])(store.getState())).toBe(true);
    expect(selectSyncedAll(['Pod', 'Node'])(store.getState())).toBe(false);
  });
});
