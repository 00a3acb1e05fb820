import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { createClusterStore, objectKey, reduceChanges, selectKind } from './store';

const ns = (name: string, uid = `uid-${name}`, phase = 'Active'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, uid },
  status: { phase },
});

describe('cluster store', () => {
  it('replaces a kind on list and marks it synced', () => {
    const store = createClusterStore();
    expect(store.getState().synced.Namespace).toBeUndefined();
    store.getState().applyChanges([{ type: 'replace', kind: 'Namespace', objects: [ns('default'), ns('kube-system')] }]);
    const s = store.getState();
    expect(s.synced.Namespace).toBe(true);
    expect([...selectKind('Namespace')(s).keys()]).toEqual(['uid-default', 'uid-kube-system']);
  });

  it('applies upserts and deletes in order within one batch', () => {
    const store = createClusterStore();
    store.getState().applyChanges([
      { type: 'replace', kind: 'Namespace', objects: [ns('default')] },
      { type: 'upsert', kind: 'Namespace', object: ns('a') },
      { type: 'upsert', kind: 'Namespace', object: ns('a', 'uid-a', 'Terminating') },
      { type: 'delete', kind: 'Namespace', object: ns('default') },
    ]);
    const m = selectKind('Namespace')(store.getState());
    expect([...m.keys()]).toEqual(['uid-a']);
    expect((m.get('uid-a')?.status as { phase: string }).phase).toBe('Terminating');
  });

  it('a later replace drops objects the list no longer has', () => {
    const store = createClusterStore();
    store.getState().applyChanges([{ type: 'replace', kind: 'Namespace', objects: [ns('a'), ns('b')] }]);
    store.getState().applyChanges([{ type: 'replace', kind: 'Namespace', objects: [ns('b')] }]);
    expect([...selectKind('Namespace')(store.getState()).keys()]).toEqual(['uid-b']);
  });

  it('keeps untouched kinds by reference and notifies once per batch', () => {
    const store = createClusterStore();
    store.getState().applyChanges([
      { type: 'replace', kind: 'Node', objects: [] },
      { type: 'replace', kind: 'Namespace', objects: [] },
    ]);
    const nodesBefore = selectKind('Node')(store.getState());
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().applyChanges([
      { type: 'upsert', kind: 'Namespace', object: ns('a') },
      { type: 'upsert', kind: 'Namespace', object: ns('b') },
    ]);
    expect(notified).toBe(1);
    expect(selectKind('Node')(store.getState())).toBe(nodesBefore);
    store.getState().applyChanges([]);
    expect(notified).toBe(1);
  });

  it('does not mutate the previous state', () => {
    const before = reduceChanges({ objects: {}, synced: {} }, [{ type: 'replace', kind: 'Namespace', objects: [ns('a')] }]);
    const beforeMap = before.objects.Namespace;
    reduceChanges(before, [{ type: 'delete', kind: 'Namespace', object: ns('a') }]);
    expect(beforeMap.has('uid-a')).toBe(true);
  });

  it('deleting an unknown object is harmless', () => {
    const s = reduceChanges({ objects: {}, synced: {} }, [{ type: 'delete', kind: 'Pod', object: ns('ghost') }]);
    expect(s.objects.Pod.size).toBe(0);
  });

  it('keys objects without a uid by namespace/name', () => {
    expect(objectKey({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'd' } })).toBe('d/p');
    expect(objectKey(ns('x', 'u1'))).toBe('u1');
  });
});

describe('selection', () => {
  const pod = { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1' };

  it('starts empty, selects and clears', () => {
    const store = createClusterStore();
    expect(store.getState().selected).toBeNull();
    store.getState().select(pod);
    expect(store.getState().selected).toEqual(pod);
    store.getState().select(null);
    expect(store.getState().selected).toBeNull();
  });

  it('does not notify when the same object is selected again', () => {
    const store = createClusterStore();
    store.getState().select(pod);
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().select({ ...pod });
    expect(notified).toBe(0);
    store.getState().select({ ...pod, uid: 'u2' });
    expect(notified).toBe(1);
  });

  it('object changes leave the selection alone', () => {
    const store = createClusterStore();
    store.getState().select(pod);
    store.getState().applyChanges([{ type: 'replace', kind: 'Namespace', objects: [ns('default')] }]);
    expect(store.getState().selected).toEqual(pod);
  });
});

describe('timeline state in the cluster store', () => {
  it('highlights a set of uids and only notifies when it changes', () => {
    const store = createClusterStore();
    expect(store.getState().highlighted.size).toBe(0);
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().setHighlighted(['a', 'b', 'a']);
    expect([...store.getState().highlighted]).toEqual(['a', 'b']);
    store.getState().setHighlighted(['b', 'a']);
    expect(notified).toBe(1);
    store.getState().setHighlighted([]);
    expect(store.getState().highlighted.size).toBe(0);
    expect(notified).toBe(2);
  });

  it('time travel goes through the reducer and ignores no-ops', () => {
    const store = createClusterStore();
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().travelTo({ type: 'live' });
    expect(notified).toBe(0);
    store.getState().travelTo({ type: 'scrub', revision: 12, time: 3000, latest: 40 });
    expect(store.getState().travel.view).toEqual({ mode: 'past', revision: 12, time: 3000 });
    expect(notified).toBe(1);
  });

  it('keeps the last narration', () => {
    const store = createClusterStore();
    store.getState().setNarration({ text: 'ReplicaSet default/web-1: created 3 pods', time: 1, ran: 1, seq: 1, entries: [4] });
    expect(store.getState().narration?.text).toBe('ReplicaSet default/web-1: created 3 pods');
    store.getState().setNarration(null);
    expect(store.getState().narration).toBeNull();
  });
});
