import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { startEndpointsController } from './controller';
import { clusterWith, create, deployment, endpointsOf, isReady, nginx, pods, run, runUntil, service } from '../endpointslice/testing';

async function cluster() {
  return (await clusterWith(startEndpointsController)).c;
}

const readyIPs = (c: Cluster, name: string) => (endpointsOf(c, name)?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
const notReadyIPs = (c: Cluster, name: string) => (endpointsOf(c, name)?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip));

describe('Endpoints controller', () => {
  it('lists ready pods under addresses with the resolved ports, labels and trigger time', async () => {
    const c = await cluster();
    create(c, deployment('web', 3, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }, { tier: 'frontend' }));
    expect(runUntil(c, () => readyIPs(c, 'web').length === 3)).toBe(true);
    const ep = endpointsOf(c, 'web')!;
    expect(ep.metadata.labels).toEqual({ tier: 'frontend' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-01-01T00:00:\d\dZ$/);
    expect(ep.subsets).toHaveLength(1);
    const running = pods(c, 'app=web').sort((a, b) => (a.status!.podIP! < b.status!.podIP! ? -1 : 1));
    expect(ep.subsets![0]).toEqual({
      addresses: running.map((p) => ({ ip: p.status!.podIP, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid } })),
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    });
  });

  it('a pod failing readiness is under notReadyAddresses, not addresses', async () => {
    const c = await cluster();
    create(c, deployment('good', 1, nginx(), { app: 'mixed', v: 'good' }));
    create(c, deployment('bad', 1, nginx({ readinessProbe: { httpGet: { path: '/', port: 8081 }, periodSeconds: 1 } }), { app: 'mixed', v: 'bad' }));
    create(c, service('mixed', { selector: { app: 'mixed' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyIPs(c, 'mixed').length === 1 && notReadyIPs(c, 'mixed').length === 1)).toBe(true);
    run(c, 20_000);
    const bad = pods(c, 'v=bad')[0];
    const good = pods(c, 'v=good')[0];
    expect(isReady(bad)).toBe(false);
    expect(readyIPs(c, 'mixed')).toEqual([good.status!.podIP]);
    expect(notReadyIPs(c, 'mixed')).toEqual([bad.status!.podIP]);
  });

  it('terminating pods leave at once; scaling down removes addresses', async () => {
    const c = await cluster();
    create(c, deployment('web', 3, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyIPs(c, 'web').length === 3)).toBe(true);
    const r = c.as('test')({ verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web', contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } } });
    expect(r.status).toBe(200);
    // As soon as the pods are marked for deletion (before the kubelet has stopped them).
    expect(runUntil(c, () => readyIPs(c, 'web').length === 1, 5_000)).toBe(true);
    const terminating = pods(c, 'app=web').filter((p) => p.metadata.deletionTimestamp);
    for (const p of terminating) expect([...readyIPs(c, 'web'), ...notReadyIPs(c, 'web')]).not.toContain(p.status?.podIP);
  });

  it('headless: labelled headless; without service ports the addresses have no ports', async () => {
    const c = await cluster();
    create(c, deployment('db', 2, nginx()));
    create(c, service('db', { clusterIP: 'None', selector: { app: 'db' } }, { app: 'db' }));
    expect(runUntil(c, () => readyIPs(c, 'db').length === 2)).toBe(true);
    const ep = endpointsOf(c, 'db')!;
    expect(ep.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets![0].ports).toBeUndefined();
  });

  it('is deleted with its service, and written again when deleted by hand', async () => {
    const c = await cluster();
    create(c, deployment('web', 1, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyIPs(c, 'web').length === 1)).toBe(true);
    const api = c.as('test');
    expect(api({ verb: 'delete', group: '', version: 'v1', resource: 'endpoints', namespace: 'default', name: 'web' }).status).toBe(200);
    run(c, 1_000);
    expect(readyIPs(c, 'web')).toHaveLength(1);
    expect(api({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'web' }).status).toBe(200);
    run(c, 1_000);
    expect(endpointsOf(c, 'web')).toBeUndefined();
  });

  it('leaves selector-less services and their hand-made Endpoints alone', async () => {
    const c = await cluster();
    create(c, service('ext', { ports: [{ port: 80 }] }));
    const mine = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.0.2.10' }], ports: [{ port: 80 }] }] };
    create(c, mine);
    run(c, 10_000);
    expect(readyIPs(c, 'ext')).toEqual(['192.0.2.10']);
    // The apiserver's own `kubernetes` Endpoints are kept too.
    expect(endpointsOf(c, 'kubernetes')?.subsets?.[0].addresses?.[0].ip).toBe('172.18.0.2');
  });

  it('on start, Endpoints whose service is gone are deleted', async () => {
    const c = await createCluster({ seed: 1, controllers: [] });
    create(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'orphan', namespace: 'default' } });
    create(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'leader', namespace: 'default', annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' } } });
    run(c, 0);
    startEndpointsController(c.components);
    c.informers.start();
    run(c, 1_000);
    expect(endpointsOf(c, 'orphan')).toBeUndefined();
    expect(endpointsOf(c, 'leader')).toBeDefined();
  });
});
