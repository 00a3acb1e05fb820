import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { LeaderElector, startLeaderElection } from './leaderelection';
import { clusterWith, create, events, settle, tryGet } from './testing/lifecycle';

interface LeaseSpec {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: string;
  renewTime: string;
  leaseTransitions: number;
}
const lease = (c: Cluster, name: string) => tryGet(c, 'coordination.k8s.io', 'v1', 'leases', 'kube-system', name)?.spec as LeaseSpec | undefined;

describe('leader election', () => {
  it('kube-controller-manager and kube-scheduler take their Leases and renew them every 2 s', async () => {
    const { c, started } = await clusterWith((ctx) => startLeaderElection(ctx));
    const [{ controllerManager, scheduler }] = started;
    const start = c.clock.microTimestamp();
    for (const name of ['kube-controller-manager', 'kube-scheduler']) {
      const l = lease(c, name)!;
      expect(l.holderIdentity).toMatch(/^control-plane_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(l).toMatchObject({ leaseDurationSeconds: 15, acquireTime: start, renewTime: start, leaseTransitions: 0 });
    }
    expect(controllerManager.isLeader && scheduler.isLeader).toBe(true);
    expect(controllerManager.identity).not.toBe(scheduler.identity);
    settle(c, 11_000);
    const l = lease(c, 'kube-controller-manager')!;
    expect(l.acquireTime).toBe(start);
    expect(l.renewTime).toBe(c.clock.microTimestamp(c.clock.now() - 1_000));
    expect(l.holderIdentity).toBe(controllerManager.identity);
    const ev = events(c, 'kube-system').filter((e) => e.reason === 'LeaderElection');
    expect(ev.map((e) => `${e.source.component}: ${e.message}`).sort()).toEqual(
      [`kube-controller-manager: ${controllerManager.identity} became leader`, `default-scheduler: ${scheduler.identity} became leader`].sort(),
    );
    expect(ev.every((e) => e.involvedObject.kind === 'Lease')).toBe(true);
  });

  it('waits for another holder’s Lease to expire, then takes it over as a new transition', async () => {
    const { c } = await clusterWith();
    const t0 = c.clock.microTimestamp();
    create(c, 'coordination.k8s.io', 'leases', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
      spec: { holderIdentity: 'old-node_1234', leaseDurationSeconds: 15, acquireTime: t0, renewTime: t0, leaseTransitions: 3 },
    });
    const elector = new LeaderElector(c.components, { name: 'kube-scheduler', identity: 'control-plane_abc', eventSource: 'default-scheduler' });
    settle(c, 10_000);
    expect(elector.isLeader).toBe(false);
    expect(lease(c, 'kube-scheduler')!.holderIdentity).toBe('old-node_1234');
    settle(c, 10_000);
    expect(elector.isLeader).toBe(true);
    const l = lease(c, 'kube-scheduler')!;
    expect(l.holderIdentity).toBe('control-plane_abc');
    expect(l.leaseTransitions).toBe(4);
    expect(Date.parse(l.acquireTime)).toBeGreaterThan(Date.parse(t0) + 15_000);
  });
});
