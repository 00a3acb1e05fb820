import { describe, expect, it } from 'vitest';
import { SchedulerCache } from './cache';
import { node, nodeObject, pod } from './testing/fixtures';
import type { PodInfo } from './podInfo';

const web = (p: PodInfo) => p.labels.app === 'web';

describe('NodeInfo.countPods', () => {
  it('keeps a count current as pods come, change and go, without recounting', () => {
    const n = node({ name: 'n1' });
    n.addPod(pod({ name: 'a', labels: { app: 'web' } }));
    n.addPod(pod({ name: 'b', labels: { app: 'db' } }));
    let calls = 0;
    const counting = (p: PodInfo) => (calls++, web(p));
    expect(n.countPods('web', counting)).toBe(1);
    expect(calls).toBe(2); // the first question counts every pod
    n.addPod(pod({ name: 'c', labels: { app: 'web' } }));
    expect(n.countPods('web', counting)).toBe(2);
    // A label change seen as an update: the old one leaves the count, the new one joins it.
    expect(n.updatePod(pod({ name: 'b', labels: { app: 'web' } }))).toBe(true);
    expect(n.countPods('web', counting)).toBe(3);
    n.removePod('default/a');
    expect(n.countPods('web', counting)).toBe(2);
    expect(calls).toBe(6); // 2 + one add + old and new of the update + one remove
    // Another question under another key is counted on its own.
    expect(n.countPods('db', (p) => p.labels.app === 'db')).toBe(0);
  });

  it('gives a clone its own counts', () => {
    const n = node({ name: 'n1' });
    n.addPod(pod({ name: 'a', labels: { app: 'web' } }));
    expect(n.countPods('web', web)).toBe(1);
    const c = n.clone();
    c.addPod(pod({ name: 'b', labels: { app: 'web' } }));
    expect(c.countPods('web', web)).toBe(2);
    expect(n.countPods('web', web)).toBe(1);
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
