import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import { DEFAULT_PROVISION_DELAY_MS, startServiceLBController } from './controller';
import { clusterWith, create, events, getService, run, runUntil, service } from '../endpointslice/testing';

async function cluster() {
  const { c, started } = await clusterWith(startServiceLBController);
  return { c, ctl: started[0] };
}

const ingressIP = (c: Cluster, name: string) => getService(c, name)?.status?.loadBalancer?.ingress?.[0]?.ip;
const lb = (name: string, spec: Record<string, unknown> = {}) => service(name, { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80 }], ...spec });
const serviceEvents = (c: Cluster, name: string) => events(c).filter((e) => e.involvedObject.name === name && e.source.component === 'service-controller');
const api = (c: Cluster) => c.as('test');

describe('service (cloud load balancer) controller', () => {
  it('adds the cleanup finalizer, then after provisioning an EXTERNAL-IP from the pool', async () => {
    const { c } = await cluster();
    create(c, lb('web'));
    run(c, DEFAULT_PROVISION_DELAY_MS / 2);
    expect(getService(c, 'web')!.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    // Still provisioning: kubectl shows <pending>.
    expect(getService(c, 'web')!.status).toEqual({ loadBalancer: {} });
    expect(serviceEvents(c, 'web').map((e) => e.reason)).toEqual(['EnsuringLoadBalancer']);
    run(c, DEFAULT_PROVISION_DELAY_MS);
    expect(getService(c, 'web')!.status).toEqual({ loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } });
    expect(serviceEvents(c, 'web').map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer'],
      ['Normal', 'EnsuredLoadBalancer', 'Ensured load balancer'],
    ]);
  });

  it('gives each load balancer its own address and reuses released ones', async () => {
    const { c, ctl } = await cluster();
    create(c, lb('a'));
    create(c, lb('b'));
    run(c, 5_000);
    expect([ingressIP(c, 'a'), ingressIP(c, 'b')]).toEqual(['172.18.255.200', '172.18.255.201']);
    expect(api(c)({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'a' }).status).toBe(200);
    run(c, 1_000);
    expect(getService(c, 'a')).toBeUndefined();
    expect(ctl.cloud.list().map((x) => x.ip)).toEqual(['172.18.255.201']);
    create(c, lb('c'));
    run(c, 5_000);
    expect(ingressIP(c, 'c')).toBe('172.18.255.200');
  });

  it('a deleted service waits for its load balancer to go (DeletingLoadBalancer, DeletedLoadBalancer)', async () => {
    const { c, ctl } = await cluster();
    create(c, lb('web'));
    run(c, 5_000);
    expect(api(c)({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'web' }).status).toBe(200);
    expect(runUntil(c, () => getService(c, 'web') === undefined, 5_000)).toBe(true);
    expect(ctl.cloud.list()).toEqual([]);
    expect(serviceEvents(c, 'web').map((e) => e.reason)).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer', 'DeletingLoadBalancer', 'DeletedLoadBalancer']);
  });

  it('changing the type away from LoadBalancer releases the address and the finalizer', async () => {
    const { c, ctl } = await cluster();
    create(c, lb('web'));
    run(c, 5_000);
    const r = api(c)({ verb: 'patch', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'web', contentType: 'application/merge-patch+json', body: { spec: { type: 'ClusterIP' } } });
    expect(r.status).toBe(200);
    run(c, 1_000);
    const svc = getService(c, 'web')!;
    expect(svc.metadata.finalizers).toBeUndefined();
    expect(svc.status).toEqual({ loadBalancer: {} });
    expect(ctl.cloud.list()).toEqual([]);
  });

  it('a service deleted while its load balancer is being provisioned is cleaned up after', async () => {
    const { c, ctl } = await cluster();
    create(c, lb('web'));
    run(c, 100);
    expect(api(c)({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'web' }).status).toBe(200);
    expect(getService(c, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(runUntil(c, () => getService(c, 'web') === undefined, 10_000)).toBe(true);
    expect(ctl.cloud.list()).toEqual([]);
  });

  it('honours spec.loadBalancerIP from the pool; one outside it fails with SyncLoadBalancerFailed', async () => {
    const { c } = await cluster();
    create(c, lb('mine', { loadBalancerIP: '172.18.255.240' }));
    create(c, lb('bad', { loadBalancerIP: '203.0.113.7' }));
    run(c, 5_000);
    expect(ingressIP(c, 'mine')).toBe('172.18.255.240');
    expect(ingressIP(c, 'bad')).toBeUndefined();
    const failed = serviceEvents(c, 'bad').find((e) => e.reason === 'SyncLoadBalancerFailed');
    expect(failed).toMatchObject({
      type: 'Warning',
      message: 'Error syncing load balancer: failed to ensure load balancer: requested IP "203.0.113.7" is not in the load balancer pool 172.18.255.200-172.18.255.250',
    });
  });

  it('leaves services of other types and those with a loadBalancerClass alone', async () => {
    const { c, ctl } = await cluster();
    create(c, service('plain', { selector: { app: 'x' }, ports: [{ port: 80 }] }));
    create(c, lb('other', { loadBalancerClass: 'example.com/lb' }));
    run(c, 5_000);
    expect(getService(c, 'plain')!.metadata.finalizers).toBeUndefined();
    expect(getService(c, 'other')!.metadata.finalizers).toBeUndefined();
    expect(ingressIP(c, 'other')).toBeUndefined();
    expect(ctl.cloud.list()).toEqual([]);
  });

  it('sends traffic to worker nodes (not the excluded control plane) and follows node changes', async () => {
    const { c, ctl } = await cluster();
    const svc = create(c, lb('web'));
    run(c, 5_000);
    expect(ctl.cloud.get(svc)?.hosts).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const r = api(c)({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'nodes',
      name: 'worker-2',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { 'node.kubernetes.io/exclude-from-external-load-balancers': 'true' } } },
    });
    expect(r.status).toBe(200);
    run(c, 1_000);
    expect(ctl.cloud.get(svc)?.hosts).toEqual(['worker-1', 'worker-3']);
    expect(serviceEvents(c, 'web').at(-1)).toMatchObject({ reason: 'UpdatedLoadBalancer', message: 'Updated load balancer with new hosts' });
  });
});
