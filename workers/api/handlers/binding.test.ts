import { describe, it, expect, beforeAll } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { KubeObject } from '../object';

describe('pods/binding', () => {
  let c: Cluster;
  const podReq = { group: '', version: 'v1', resource: 'pods', namespace: 'default' } as const;
  beforeAll(async () => {
    c = await createCluster({ seed: 9, controllers: [] });
    c.clock.runUntil({ time: c.clock.now() + 5000 });
  });

  it('stores what a deep copy with nodeName and PodScheduled gives, sharing the rest and changing no old revision', () => {
    const created = c.request({
      ...podReq,
      verb: 'create',
      userAgent: 'test',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b1' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    });
    expect(created.status).toBe(201);
    const before = c.store.get('/registry/core/pods/default/b1')!;
    const frozen = structuredClone(before.value);
    const r = c.request({
      ...podReq,
      verb: 'create',
      name: 'b1',
      subresource: 'binding',
      userAgent: 'kube-scheduler/v1.32.0',
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b1', annotations: { x: 'y' } }, target: { kind: 'Node', name: 'worker-1' } },
    });
    expect(r.status).toBe(201);
    const after = c.store.get('/registry/core/pods/default/b1')!.value;
    // What the former deep-copying code stored.
    const want = structuredClone(frozen) as KubeObject & { spec: Record<string, unknown>; status: { conditions?: unknown[] } };
    want.spec.nodeName = 'worker-1';
    want.metadata.annotations = { ...(want.metadata.annotations ?? {}), x: 'y' };
    (want.status.conditions ??= []).push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: c.clock.timestamp() });
    want.metadata.resourceVersion = String(c.store.revision);
    expect(after).toStrictEqual(want);
    expect(JSON.stringify(after)).toBe(JSON.stringify(want));
    expect(before.value).toStrictEqual(frozen);
    expect((after.spec as { containers: unknown }).containers).toBe((before.value.spec as { containers: unknown }).containers);
    expect(after.metadata.managedFields).toBe(before.value.metadata.managedFields);
  });

  it('refuses a second binding and a missing target', () => {
    const again = c.request({ ...podReq, verb: 'create', name: 'b1', subresource: 'binding', body: { target: { kind: 'Node', name: 'worker-2' } } });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe('Operation cannot be fulfilled on pods "b1": pod b1 is already assigned to node "worker-1"');
    const none = c.request({ ...podReq, verb: 'create', name: 'b1', subresource: 'binding', body: {} });
    expect(none.status).toBe(422);
  });
});
