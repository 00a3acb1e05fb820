import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/object';
import { startNamespaceController } from './namespaceController';
import { clusterWith, create, list, ok, pod, req, settle, tryGet } from '../testing/lifecycle';
import type { NamespaceCondition } from './conditions';

async function withShop(): Promise<Cluster> {
  const { c } = await clusterWith((ctx, cl) => startNamespaceController(ctx, cl.api.deps.registry));
  create(c, '', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  settle(c); // the default ServiceAccount, which pods need
  create(c, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { a: '1' } });
  create(c, '', 'pods', pod('web', { namespace: 'shop' }));
  create(c, '', 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ port: 80 }], selector: { app: 'web' } } });
  create(c, 'apps', 'deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  settle(c);
  return c;
}

const ns = (c: Cluster) => tryGet(c, '', 'v1', 'namespaces', undefined, 'shop') as (KubeObject & { spec?: { finalizers?: string[] }; status?: { phase?: string; conditions?: NamespaceCondition[] } }) | undefined;
const deleteShop = (c: Cluster) => ok(req(c, { verb: 'delete', group: '', version: 'v1', resource: 'namespaces', name: 'shop' }));

describe('namespace controller', () => {
  it('empties a deleted namespace, finalizes it, and the namespace disappears', async () => {
    const c = await withShop();
    deleteShop(c);
    expect(ns(c)?.status?.phase).toBe('Terminating');
    expect(ns(c)?.spec?.finalizers).toEqual(['kubernetes']);
    // Nothing happens during the first five seconds.
    settle(c, 4_000);
    expect(list(c, '', 'v1', 'configmaps', 'shop').length).toBeGreaterThan(0);
    settle(c, 2_000);
    expect(list(c, '', 'v1', 'configmaps', 'shop')).toEqual([]);
    expect(list(c, '', 'v1', 'pods', 'shop')).toEqual([]);
    expect(list(c, '', 'v1', 'services', 'shop')).toEqual([]);
    expect(list(c, 'apps', 'v1', 'deployments', 'shop')).toEqual([]);
    // Everything went at once (the pod never ran), so nothing is waited for.
    expect(ns(c)).toBeUndefined();
  });

  it('waits for a running pod to terminate, reporting what remains', async () => {
    const c = await withShop();
    create(c, '', 'pods', pod('running', { namespace: 'shop', nodeName: 'worker-1' }));
    settle(c, 5_000);
    // Its node's kubelet stops: nothing will end the pod's grace period.
    c.kubelets.get('worker-1')!.stop();
    deleteShop(c);
    settle(c, 6_000);
    expect(tryGet(c, '', 'v1', 'pods', 'shop', 'running')?.metadata.deletionTimestamp).toBeDefined();
    expect(ns(c)?.status?.conditions?.find((x) => x.type === 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
    settle(c, 60_000);
    // Past the grace period a pod without finalizers should be gone: that is a failure to report.
    expect(ns(c)?.status?.conditions?.find((x) => x.type === 'NamespaceDeletionContentFailure')).toMatchObject({
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: 'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods',
    });
    // The kubelet comes back, stops the container and deletes the pod for good.
    c.kubelets.get('worker-1')!.start();
    settle(c, 70_000);
    expect(ns(c)).toBeUndefined();
  });

  it('reports content kept by finalizers in the namespace conditions, and finishes once they are removed', async () => {
    const c = await withShop();
    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'configmaps', namespace: 'shop', name: 'settings', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: ['example.com/hold'] } } }));
    deleteShop(c);
    settle(c, 120_000);
    const held = ns(c)!;
    expect(held.status?.phase).toBe('Terminating');
    const conds = held.status!.conditions!;
    expect(conds.map((x) => x.type)).toEqual([
      'NamespaceDeletionDiscoveryFailure',
      'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure',
      'NamespaceContentRemaining',
      'NamespaceFinalizersRemaining',
    ]);
    const byType = Object.fromEntries(conds.map((x) => [x.type, x]));
    expect(byType.NamespaceDeletionDiscoveryFailure).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' });
    expect(byType.NamespaceDeletionContentFailure).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    expect(byType.NamespaceContentRemaining).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: configmaps. has 1 resource instances',
    });
    expect(byType.NamespaceFinalizersRemaining).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    });
    expect(list(c, '', 'v1', 'pods', 'shop')).toEqual([]);

    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'configmaps', namespace: 'shop', name: 'settings', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } }));
    settle(c, 30_000);
    expect(ns(c)).toBeUndefined();
  });

  it('refuses new content in a terminating namespace and leaves live namespaces alone', async () => {
    const c = await withShop();
    create(c, '', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    create(c, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stay', namespace: 'other' } });
    deleteShop(c);
    const r = req(c, { verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace: 'shop', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } } });
    expect(r.status).toBe(403);
    settle(c, 60_000);
    expect(ns(c)).toBeUndefined();
    expect(tryGet(c, '', 'v1', 'configmaps', 'other', 'stay')).toBeDefined();
    expect(tryGet(c, '', 'v1', 'namespaces', undefined, 'other')?.status).toMatchObject({ phase: 'Active' });
  });

  it('does not finalize a namespace that still has another finalizer', async () => {
    const { c } = await clusterWith((ctx, cl) => startNamespaceController(ctx, cl.api.deps.registry));
    create(c, '', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, spec: { finalizers: ['example.com/keep'] } });
    deleteShop(c);
    settle(c, 30_000);
    // Our token is gone, theirs is not: the namespace waits for them.
    expect(ns(c)?.spec?.finalizers).toEqual(['example.com/keep']);
    ok(req(c, { verb: 'update', group: '', version: 'v1', resource: 'namespaces', name: 'shop', subresource: 'finalize', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, spec: { finalizers: [] } } }));
    expect(ns(c)).toBeUndefined();
  });
});
