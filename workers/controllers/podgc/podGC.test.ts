import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { WatchEvent } from '../../api/request';
import { startPodGCController } from './podGC';
import { clusterWith, create, list, ok, pod, req, setPodStatus, settle, tryGet } from '../testing/lifecycle';

describe('pod garbage collector', () => {
  it('deletes pods bound to a node that no longer exists, after its quarantine, marking them Failed with DisruptionTarget', async () => {
    const { c } = await clusterWith((ctx) => startPodGCController(ctx));
    create(c, '', 'pods', pod('lost', { nodeName: 'worker-9' }));
    create(c, '', 'pods', pod('fine', { nodeName: 'worker-1' }));
    setPodStatus(c, 'default', 'lost', true);
    const seen: WatchEvent[] = [];
    const w = c.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { resourceVersion: String(c.store.revision) } }, (e) => seen.push(e));
    expect('stop' in w).toBe(true);
    // Seen missing at the 20 s pass; quarantined for 40 s; deleted at the 60 s pass.
    settle(c, 59_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'lost')).toBeDefined();
    settle(c, 2_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'lost')).toBeUndefined();
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'fine')).toBeDefined();
    const lost = seen.filter((e) => (e.object as KubeObject).metadata.name === 'lost');
    expect(lost.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    const marked = lost[0].object as KubeObject & { status: { phase: string; conditions: unknown[] } };
    expect(marked.status.phase).toBe('Failed');
    expect(marked.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }),
    );
  });

  it('does not delete pods of a node that comes back during quarantine', async () => {
    const { c } = await clusterWith((ctx) => startPodGCController(ctx));
    create(c, '', 'pods', pod('waiting', { nodeName: 'worker-9' }));
    settle(c, 30_000);
    const n = tryGet(c, '', 'v1', 'nodes', undefined, 'worker-1')!;
    create(c, '', 'nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-9', labels: n.metadata.labels } });
    settle(c, 120_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'waiting')).toBeDefined();
  });

  it('force-deletes terminating pods that were never scheduled', async () => {
    const { c } = await clusterWith((ctx) => startPodGCController(ctx));
    create(c, '', 'pods', pod('stuck'));
    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'stuck', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: ['example.com/hold'] } } }));
    ok(req(c, { verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'stuck' }));
    settle(c, 21_000);
    // Its finalizer keeps it, but it is no longer Pending.
    expect((tryGet(c, '', 'v1', 'pods', 'default', 'stuck')!.status as { phase: string }).phase).toBe('Failed');
  });

  it('keeps at most the threshold of terminated pods, deleting the oldest first', async () => {
    const { c } = await clusterWith((ctx) => startPodGCController(ctx, { terminatedPodThreshold: 2 }));
    // Unbound pods with a phase set by hand: no kubelet runs them.
    for (const [i, name] of ['d', 'a', 'c', 'b'].entries()) {
      create(c, '', 'pods', pod(name));
      setPodStatus(c, 'default', name, false, i % 2 ? 'Succeeded' : 'Failed');
      settle(c, 1_000);
    }
    create(c, '', 'pods', pod('running'));
    setPodStatus(c, 'default', 'running', true);
    settle(c, 20_000);
    expect(list(c, '', 'v1', 'pods', 'default').map((p) => p.metadata.name).sort()).toEqual(['b', 'c', 'running']);
  });
});
