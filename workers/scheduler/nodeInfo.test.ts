import { describe, expect, it } from 'vitest';
import { SchedulerCache } from './cache';
import { node, nodeObject, pod } from './testing/fixtures';
import { refreshPodInfo, type PodInfo } from './podInfo';
import type { PodCount } from './nodeInfo';
import { selectorFromSet } from '../api/selectors/labels';

const count = (key: string, labels: Record<string, string>, namespace = 'default'): PodCount => ({ key, namespace, selector: selectorFromSet(labels) });
const web = count('web', { app: 'web' });

/** `p` as a newer copy of itself: same uid, other fields as given. */
function newer(p: PodInfo, change: (o: PodInfo['pod']) => PodInfo['pod']): PodInfo {
  return refreshPodInfo(p, change({ ...p.pod, metadata: { ...p.pod.metadata } }));
}

describe('NodeInfo.countPods', () => {
  it('keeps a count current as pods come, change and go', () => {
    const n = node({ name: 'n1' });
    const a = pod({ name: 'a', labels: { app: 'web' } });
    const b = pod({ name: 'b', labels: { app: 'db' } });
    n.addPod(a);
    n.addPod(b);
    expect(n.countPods(web)).toBe(1);
    n.addPod(pod({ name: 'c', labels: { app: 'web' } }));
    expect(n.countPods(web)).toBe(2);
    // A label change seen as an update: the old one leaves the count, the new one joins it.
    expect(n.updatePod(newer(b, (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'web' } } })), b)).toBe(true);
    expect(n.countPods(web)).toBe(3);
    n.removePod('default/a');
    expect(n.countPods(web)).toBe(2);
    // Another question under another key is counted on its own.
    expect(n.countPods(count('db', { app: 'db' }))).toBe(0);
  });

  it('counts only live pods of the namespace', () => {
    const n = node({ name: 'n1' });
    const a = pod({ name: 'a', labels: { app: 'web' } });
    n.addPod(a);
    n.addPod(pod({ name: 'x', namespace: 'other', labels: { app: 'web' } }));
    expect(n.countPods(web)).toBe(1);
    expect(n.countPods(count('web-other', { app: 'web' }, 'other'))).toBe(1);
    // Terminating, with the very same labels object: it must still leave the count.
    const dying = newer(a, (o) => ({ ...o, metadata: { ...o.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } }));
    expect(dying.labels).toBe(a.labels);
    expect(n.updatePod(dying, a)).toBe(true);
    expect(n.countPods(web)).toBe(0);
  });

  it('leaves counts and sums alone for a status update, and right for one with equal labels in a new object', () => {
    const n = node({ name: 'n1' });
    const a = pod({ name: 'a', labels: { app: 'web' }, requests: { cpu: '100m' } });
    n.addPod(a);
    expect(n.countPods(web)).toBe(1);
    const running = newer(a, (o) => ({ ...o, status: { phase: 'Running' } }));
    expect(n.updatePod(running, a)).toBe(true);
    const relabelled = newer(running, (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'web' } } }));
    expect(relabelled.labels).toBe(a.labels); // equal labels keep the earlier object
    expect(n.updatePod(relabelled, running)).toBe(true);
    expect(n.countPods(web)).toBe(1);
    expect(n.requested.milliCPU).toBe(100);
    expect(n.pods).toEqual([relabelled]);
  });

  it('stays right when more questions are asked than a node keeps counters for', () => {
    const n = node({ name: 'n1' });
    n.addPod(pod({ name: 'a', labels: { app: 'web' } }));
    const many = Array.from({ length: 70 }, (_, i) => count(`q${i}`, { app: 'web' }));
    for (const q of many) expect(n.countPods(q)).toBe(1);
    n.addPod(pod({ name: 'b', labels: { app: 'web' } }));
    // The first questions were dropped with the full table and are counted afresh; the latest kept counting.
    for (const q of [many[0], many[69], many[1], web, many[69]]) expect(n.countPods(q)).toBe(2);
    n.removePod('default/a');
    for (const q of [many[69], many[0], web]) expect(n.countPods(q)).toBe(1);
  });

  it('gives a clone its own counts', () => {
    const n = node({ name: 'n1' });
    n.addPod(pod({ name: 'a', labels: { app: 'web' } }));
    expect(n.countPods(web)).toBe(1);
    const c = n.clone();
    c.addPod(pod({ name: 'b', labels: { app: 'web' } }));
    expect(c.countPods(web)).toBe(2);
    expect(n.countPods(web)).toBe(1);
    n.addPod(pod({ name: 'c', labels: { app: 'web' } }));
    expect(n.countPods(web)).toBe(2);
    expect(c.countPods(web)).toBe(2);
  });

  it('updates a pod in place, keeping its position and the node’s sums right', () => {
    const n = node({ name: 'n1' });
    n.addPod(pod({ name: 'a', requests: { cpu: '100m' } }));
    n.addPod(pod({ name: 'b', requests: { cpu: '200m' } }));
    const gen = n.generation;
    expect(n.updatePod(pod({ name: 'a', requests: { cpu: '300m' } }))).toBe(true);
    expect(n.pods.map((p) => p.name)).toEqual(['a', 'b']);
    expect(n.requested.milliCPU).toBe(500);
    expect(n.generation).toBeGreaterThan(gen);
    expect(n.updatePod(pod({ name: 'zzz' }))).toBe(false);
  });
});

describe('SchedulerCache.updatePod', () => {
  it('moves a pod whose node changed, and replaces it in place otherwise', () => {
    const cache = new SchedulerCache();
    cache.addNode(nodeObject({ name: 'n1' }));
    cache.addNode(nodeObject({ name: 'n2' }));
    const bound = (name: string, nodeName: string, labels: Record<string, string> = {}) => {
      const p = pod({ name, labels });
      p.pod.spec = { ...p.pod.spec, nodeName } as typeof p.pod.spec;
      return p;
    };
    cache.addPod(bound('a', 'n1'));
    cache.updatePod(bound('a', 'n1', { v: '2' }));
    expect(cache.get('n1')!.pods.map((p) => p.labels.v)).toEqual(['2']);
    cache.updatePod(bound('a', 'n2'));
    expect(cache.get('n1')!.pods).toHaveLength(0);
    expect(cache.get('n2')!.pods.map((p) => p.name)).toEqual(['a']);
    expect(cache.nodeOf('default/a')).toBe('n2');
  });
});

describe('SchedulerCache pod order', () => {
  it('confirms an assumed pod by moving it to the end of its node, as a remove and add would', () => {
    const cache = new SchedulerCache();
    cache.addNode(nodeObject({ name: 'n1' }));
    const a = pod({ name: 'a', requests: { cpu: '100m' } });
    const b = pod({ name: 'b', requests: { cpu: '200m' } });
    cache.assumePod(a, 'n1');
    cache.assumePod(b, 'n1');
    const boundA = newer(a, (o) => ({ ...o, spec: { ...o.spec!, nodeName: 'n1' } }));
    cache.addPod(boundA);
    expect(cache.get('n1')!.pods.map((p) => p.name)).toEqual(['b', 'a']);
    expect(cache.isAssumed('default/a')).toBe(false);
    expect(cache.isAssumed('default/b')).toBe(true);
    expect(cache.get('n1')!.requested.milliCPU).toBe(300);
    cache.forgetPod('default/b');
    cache.removePod('default/a');
    expect(cache.get('n1')!.pods).toEqual([]);
    expect(cache.get('n1')!.requested.milliCPU).toBe(0);
  });

  it('finds a pod by key when the entry given is not the one stored', () => {
    const n = node({ name: 'n1' });
    const a = pod({ name: 'a' });
    n.addPod(a);
    n.addPod(pod({ name: 'b' }));
    expect(n.removePod('default/a', pod({ name: 'a' }))).toBe(true);
    expect(n.pods.map((p) => p.name)).toEqual(['b']);
    expect(n.removePod('default/a', a)).toBe(false);
  });
});
