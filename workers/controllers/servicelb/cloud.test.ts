import { describe, expect, it } from 'vitest';
import { loadBalancerName, SimulatedCloud } from './cloud';
import { isLoadBalancerHost, needsCleanup, needsUpdate, wantsLoadBalancer } from './predicates';
import type { Node, Service } from '../endpointslice/types';

const svc = (name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', uid: `0000-${name}-1111`, ...meta },
  spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }], ...spec },
});

describe('SimulatedCloud', () => {
  it('hands out the pool lowest first, keeps an address per load balancer, and runs out', () => {
    const cloud = new SimulatedCloud();
    const first = cloud.ensure(svc('a'), ['n1']);
    expect(first).toEqual({ ok: true, status: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } });
    expect(cloud.ensure(svc('a'), ['n2'])).toEqual(first);
    expect(cloud.get(svc('a'))?.hosts).toEqual(['n2']);
    for (let i = 1; i <= 50; i++) expect(cloud.ensure(svc(`s${i}`), []).ok).toBe(true);
    expect(cloud.ensure(svc('one-too-many'), [])).toEqual({ ok: false, error: 'no available IPs in the load balancer pool 172.18.255.200-172.18.255.250' });
    cloud.ensureDeleted(svc('s7'));
    expect(cloud.ensure(svc('one-too-many'), [])).toMatchObject({ ok: true, status: { ingress: [{ ip: '172.18.255.207' }] } });
  });

  it('a requested address must be in the pool and free', () => {
    const cloud = new SimulatedCloud();
    expect(cloud.ensure(svc('a', { loadBalancerIP: '172.18.255.210' }), []).ok).toBe(true);
    expect(cloud.ensure(svc('b', { loadBalancerIP: '172.18.255.210' }), [])).toEqual({ ok: false, error: 'requested IP "172.18.255.210" is already allocated to another load balancer' });
    expect(cloud.ensure(svc('c', { loadBalancerIP: 'not-an-ip' }), [])).toMatchObject({ ok: false });
    // Changing the request moves the load balancer.
    expect(cloud.ensure(svc('a', { loadBalancerIP: '172.18.255.211' }), [])).toMatchObject({ ok: true, status: { ingress: [{ ip: '172.18.255.211' }] } });
  });

  it('names load balancers as cloudprovider.DefaultLoadBalancerName', () => {
    expect(loadBalancerName(svc('x', {}, { uid: '6f1c2b4e-1a2b-4c3d-9e8f-0123456789ab' }))).toBe('a6f1c2b4e1a2b4c3d9e8f0123456789a');
  });
});

describe('predicates', () => {
  it('wants a load balancer only for type LoadBalancer without a class', () => {
    expect(wantsLoadBalancer(svc('a'))).toBe(true);
    expect(wantsLoadBalancer(svc('a', { type: 'NodePort' }))).toBe(false);
    expect(wantsLoadBalancer(svc('a', { loadBalancerClass: 'x/y' }))).toBe(false);
  });

  it('cleans up only what it holds a finalizer for', () => {
    const fin = { finalizers: ['service.kubernetes.io/load-balancer-cleanup'] };
    expect(needsCleanup(svc('a', { type: 'ClusterIP' }))).toBe(false);
    expect(needsCleanup(svc('a', { type: 'ClusterIP' }, fin))).toBe(true);
    expect(needsCleanup(svc('a', {}, { ...fin, deletionTimestamp: '2025-01-01T00:00:00Z' }))).toBe(true);
    expect(needsCleanup(svc('a', {}, fin))).toBe(false);
  });

  it('updates on port, annotation or type changes, not on status or finalizers', () => {
    const a = svc('a');
    expect(needsUpdate(a, { ...a, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } })).toBe(false);
    expect(needsUpdate(a, { ...a, metadata: { ...a.metadata, finalizers: ['f'] } })).toBe(false);
    expect(needsUpdate(a, svc('a', { ports: [{ port: 81, protocol: 'TCP', nodePort: 30080 }] }))).toBe(true);
    expect(needsUpdate(a, svc('a', {}, { annotations: { k: 'v' } }))).toBe(true);
    expect(needsUpdate(a, svc('a', { type: 'ClusterIP' }))).toBe(true);
    expect(needsUpdate(svc('a', { type: 'ClusterIP' }), svc('a', { type: 'NodePort' }))).toBe(false);
  });

  it('load balancer hosts: not excluded (an unparsable value excludes), not being deleted', () => {
    const node = (labels: Record<string, string> = {}, extra: Record<string, unknown> = {}): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels, ...extra } });
    const key = 'node.kubernetes.io/exclude-from-external-load-balancers';
    expect(isLoadBalancerHost(node())).toBe(true);
    expect(isLoadBalancerHost(node({ [key]: '' }))).toBe(false);
    expect(isLoadBalancerHost(node({ [key]: 'false' }))).toBe(true);
    expect(isLoadBalancerHost(node({}, { deletionTimestamp: '2025-01-01T00:00:00Z' }))).toBe(false);
  });
});
