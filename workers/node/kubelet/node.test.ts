import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import { runUntil, setup } from './testing/setup';

describe('kubelet: node registration, status and lease', () => {
  it('keeps a Lease in kube-node-lease, renewed every 10 s, owned by the Node', async () => {
    const { c } = await setup();
    const lease = () => c.request({ verb: 'get', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease', name: 'worker-1' }).body as KubeObject & { spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string } };
    const node = c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' }).body as KubeObject;
    const l = lease();
    expect(l.spec.holderIdentity).toBe('worker-1');
    expect(l.spec.leaseDurationSeconds).toBe(40);
    expect(l.spec.renewTime).toMatch(/^2025-01-01T00:00:00\.\d{6}Z$/);
    expect(l.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', uid: node.metadata.uid }]);
    c.clock.runFor(10_000);
    expect(lease().spec.renewTime).toBe('2025-01-01T00:00:10.000000Z');
  });

  it('stop() lets the lease go stale and the node status stay; start() brings both back', async () => {
    const { c, k } = await setup();
    const renew = () => (c.request({ verb: 'get', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease', name: 'worker-1' }).body as { spec: { renewTime: string } }).spec.renewTime;
    k.stop();
    const before = renew();
    c.clock.runFor(60_000);
    expect(renew()).toBe(before);
    // What the node lifecycle controller would do meanwhile.
    const node = c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' }).body as KubeObject & { status: { conditions: { type: string; status: string; reason: string; message: string; lastTransitionTime: string }[] } };
    for (const cond of node.status.conditions) {
      cond.status = 'Unknown';
      cond.reason = 'NodeStatusUnknown';
      cond.message = 'Kubelet stopped posting node status.';
    }
    const u = c.request({ verb: 'update', group: '', version: 'v1', resource: 'nodes', name: 'worker-1', subresource: 'status', body: node });
    expect(u.status).toBe(200);
    k.start();
    const ready = () => (c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' }).body as typeof node).status.conditions.find((x) => x.type === 'Ready')!;
    expect(runUntil(c, () => ready().status === 'True', 15_000)).toBe(true);
    expect(ready().reason).toBe('KubeletReady');
    expect(ready().lastTransitionTime).toBe(c.clock.timestamp());
    expect(renew() > before).toBe(true);
  });

  it('writes node status only when it changed, or every 5 minutes', async () => {
    const { c } = await setup();
    const rv = () => (c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' }).body as KubeObject).metadata.resourceVersion;
    c.clock.runFor(15_000);
    const first = rv();
    c.clock.runFor(60_000);
    expect(rv()).toBe(first);
    c.clock.runFor(5 * 60_000);
    expect(rv()).not.toBe(first);
  });
});
