import { describe, expect, it } from 'vitest';
import { startEndpointSliceController } from './controller';
import { clusterWith, create, deployment, endpointsIn, events, nginx, pods, run, runUntil, service, slicesOf, isReady } from './testing';
import type { Cluster } from '../../cluster';

async function cluster() {
  const { c, started } = await clusterWith(startEndpointSliceController);
  return { c, ctl: started[0] };
}

const readyCount = (c: Cluster, svc: string) => endpointsIn(slicesOf(c, svc)).filter((e) => e.conditions?.ready).length;

function scale(c: Cluster, name: string, replicas: number) {
  const r = c.as('test')({
    verb: 'patch',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespace: 'default',
    name,
    contentType: 'application/merge-patch+json',
    body: { spec: { replicas } },
  });
  expect(r.status).toBe(200);
}

describe('EndpointSlice controller', () => {
  it('nginx Deployment ×3 + Service: one slice with 3 ready endpoints and resolved ports', async () => {
    const { c, ctl } = await cluster();
    create(c, deployment('web', 3, nginx()));
    const svc = create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 'http' }] }, { tier: 'frontend' }));
    expect(runUntil(c, () => readyCount(c, 'web') === 3)).toBe(true);

    const slices = slicesOf(c, 'web');
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.labels).toEqual({
      tier: 'frontend',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    // targetPort `http` resolves to the container's port 80.
    expect(slice.ports).toEqual([{ name: '', protocol: 'TCP', port: 80 }]);
    expect(slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-01-01T00:00:\d\dZ$/);

    const nodes = new Map(
      (c.as('test')({ verb: 'list', group: '', version: 'v1', resource: 'nodes' }).body as { items: { metadata: { name: string; labels: Record<string, string> } }[] }).items.map((n) => [
        n.metadata.name,
        n.metadata.labels['topology.kubernetes.io/zone'],
      ]),
    );
    const running = pods(c, 'app=web');
    expect(running).toHaveLength(3);
    for (const pod of running) {
      const ep = slice.endpoints!.find((e) => e.targetRef?.name === pod.metadata.name)!;
      expect(ep).toEqual({
        addresses: [pod.status!.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
        nodeName: pod.spec!.nodeName,
        zone: nodes.get(pod.spec!.nodeName!),
      });
    }
    expect(ctl.lastDecision('default/web')).toMatchObject({ endpoints: 3, ready: 3 });
  });

  it('a pod whose readiness probe fails is in the slice with ready=false, serving=false', async () => {
    const { c } = await cluster();
    create(c, deployment('good', 1, nginx(), { app: 'mixed', v: 'good' }));
    // Nothing listens on 8081: the probe never passes.
    create(c, deployment('bad', 1, nginx({ readinessProbe: { httpGet: { path: '/', port: 8081 }, periodSeconds: 1 } }), { app: 'mixed', v: 'bad' }));
    create(c, service('mixed', { selector: { app: 'mixed' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'mixed')).length === 2 && readyCount(c, 'mixed') === 1)).toBe(true);
    run(c, 20_000);
    const bad = pods(c, 'v=bad')[0];
    expect(isReady(bad)).toBe(false);
    const ep = endpointsIn(slicesOf(c, 'mixed')).find((e) => e.targetRef?.name === bad.metadata.name);
    expect(ep?.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('scaling down removes endpoints', async () => {
    const { c } = await cluster();
    create(c, deployment('web', 3, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyCount(c, 'web') === 3)).toBe(true);
    scale(c, 'web', 1);
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'web')).length === 1, 120_000)).toBe(true);
    const left = pods(c, 'app=web').filter((p) => !p.metadata.deletionTimestamp);
    expect(endpointsIn(slicesOf(c, 'web')).map((e) => e.targetRef?.name)).toEqual(left.map((p) => p.metadata.name));
    // Still one slice: the one whose endpoints went is updated, not replaced.
    expect(slicesOf(c, 'web')).toHaveLength(1);
  });

  it('terminating pods stay, ready=false and terminating=true, until they are gone', async () => {
    const { c } = await cluster();
    // A shell as PID 1 ignores SIGTERM, so the pod takes its whole grace period to go.
    create(c, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'slow', namespace: 'default', labels: { app: 'slow' } },
      spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
    });
    create(c, service('slow', { selector: { app: 'slow' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyCount(c, 'slow') === 1)).toBe(true);
    expect(c.as('test')({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'slow' }).status).toBe(200);
    run(c, 5_000);
    const [ep] = endpointsIn(slicesOf(c, 'slow'));
    expect(ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'slow')).length === 0, 60_000)).toBe(true);
    // The slice stays as the service's empty placeholder.
    const [slice] = slicesOf(c, 'slow');
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toBeNull();
  });

  it('publishNotReadyAddresses marks every endpoint ready', async () => {
    const { c } = await cluster();
    create(c, deployment('bad', 1, nginx({ readinessProbe: { httpGet: { path: '/', port: 8081 }, periodSeconds: 1 } })));
    create(c, service('bad', { selector: { app: 'bad' }, ports: [{ port: 80 }], publishNotReadyAddresses: true }));
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'bad')).length === 1)).toBe(true);
    run(c, 10_000);
    expect(endpointsIn(slicesOf(c, 'bad'))[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('named targetPorts resolve per pod; pods without the name get a slice of their own ports', async () => {
    const { c } = await cluster();
    create(c, deployment('a', 1, nginx({ ports: [{ name: 'web', containerPort: 80 }] }), { app: 'named', v: 'a' }));
    create(c, deployment('b', 1, { name: 'httpd', image: 'httpd:2.4', ports: [{ name: 'web', containerPort: 8080 }] }, { app: 'named', v: 'b' }));
    create(c, deployment('c', 1, { name: 'other', image: 'nginx:1.27', ports: [{ name: 'other', containerPort: 80 }] }, { app: 'named', v: 'c' }));
    create(c, service('named', { selector: { app: 'named' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }));
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'named')).length === 3)).toBe(true);
    const byPorts = new Map(slicesOf(c, 'named').map((s) => [JSON.stringify(s.ports), (s.endpoints ?? []).map((e) => e.targetRef!.name!.split('-')[0])]));
    expect(byPorts).toEqual(
      new Map([
        [JSON.stringify([{ name: 'http', protocol: 'TCP', port: 80 }]), ['a']],
        [JSON.stringify([{ name: 'http', protocol: 'TCP', port: 8080 }]), ['b']],
        // No container port named `web`: the endpoint is listed with no ports.
        ['null', ['c']],
      ]),
    );
  });

  it('headless services get slices too, labelled headless; without ports the ports are null', async () => {
    const { c } = await cluster();
    create(c, deployment('db', 2, nginx()));
    create(c, service('db', { clusterIP: 'None', selector: { app: 'db' } }));
    expect(runUntil(c, () => readyCount(c, 'db') === 2)).toBe(true);
    const [slice] = slicesOf(c, 'db');
    expect(slice.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(slice.ports).toBeNull();
  });

  it('leaves services without a selector alone', async () => {
    const { c } = await cluster();
    create(c, deployment('web', 1, nginx()));
    create(c, service('external', { ports: [{ port: 80 }] }));
    create(c, service('empty', { selector: {}, ports: [{ port: 80 }] }));
    run(c, 30_000);
    expect(slicesOf(c, 'external')).toEqual([]);
    expect(slicesOf(c, 'empty')).toEqual([]);
  });

  it('more than 100 endpoints are spread over slices of at most 100', async () => {
    const { c } = await cluster();
    create(c, deployment('many', 130, { name: 'pause', image: 'registry.k8s.io/pause:3.10' }));
    create(c, service('many', { selector: { app: 'many' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyCount(c, 'many') === 130, 300_000)).toBe(true);
    const sizes = slicesOf(c, 'many')
      .map((s) => (s.endpoints ?? []).length)
      .sort((a, b) => b - a);
    expect(sizes[0]).toBeLessThanOrEqual(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(130);
  });

  it('a slice edited by hand is put back; one deleted by hand is recreated', async () => {
    const { c } = await cluster();
    create(c, deployment('web', 2, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyCount(c, 'web') === 2)).toBe(true);
    const [slice] = slicesOf(c, 'web');
    const api = c.as('test');
    const edited = api({ verb: 'update', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: 'default', name: slice.metadata.name, body: { ...slice, endpoints: slice.endpoints!.slice(0, 1) } });
    expect(edited.status).toBe(200);
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'web')).length === 2, 10_000)).toBe(true);
    expect(api({ verb: 'delete', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: 'default', name: slice.metadata.name }).status).toBe(200);
    expect(runUntil(c, () => readyCount(c, 'web') === 2, 10_000)).toBe(true);
    expect(slicesOf(c, 'web')[0].metadata.name).not.toBe(slice.metadata.name);
  });

  it('a pod on a node that does not exist is left out with FailedToUpdateEndpointSlices', async () => {
    const { c } = await cluster();
    // Played by hand: a pod bound to a node nobody runs, with a status no kubelet wrote.
    create(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ghost', namespace: 'default', labels: { app: 'ghost' } }, spec: { nodeName: 'gone', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    const status = { phase: 'Running', podIP: '10.244.9.9', podIPs: [{ ip: '10.244.9.9' }], conditions: [{ type: 'Ready', status: 'True' }] };
    const pod = c.as('test')({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'ghost' }).body as Record<string, unknown>;
    expect(c.as('test')({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'ghost', subresource: 'status', body: { ...pod, status } }).status).toBe(200);
    create(c, service('ghost', { selector: { app: 'ghost' }, ports: [{ port: 80 }] }));
    run(c, 2_000);
    expect(endpointsIn(slicesOf(c, 'ghost'))).toEqual([]);
    const ev = events(c).find((e) => e.reason === 'FailedToUpdateEndpointSlices');
    expect(ev).toMatchObject({
      type: 'Warning',
      source: { component: 'endpoint-slice-controller' },
      involvedObject: { kind: 'Service', name: 'ghost' },
      message: 'Error updating Endpoint Slices for Service default/ghost: skipping Pod ghost for Service default/ghost: Node gone Not Found',
    });
  });

  it('slices go with their service (garbage collector, via the owner reference)', async () => {
    const { c } = await cluster();
    create(c, deployment('web', 1, nginx()));
    create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(runUntil(c, () => readyCount(c, 'web') === 1)).toBe(true);
    expect(c.as('test')({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'web' }).status).toBe(200);
    expect(runUntil(c, () => slicesOf(c, 'web').length === 0, 10_000)).toBe(true);
  });
});
