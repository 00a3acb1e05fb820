/**
 * Test fixtures for the storage controllers: a full cluster with the volume
 * controllers started on it and StorageObjectInUseProtection added to its
 * admission chain, as the wired cluster will have them.
 */
import { CONTROLLER_NAMES, createCluster, type Cluster } from '../../../cluster';
import type { KubeObject } from '../../../api/object';
import type { ApiResponse } from '../../../api/request';
import { startVolumeControllers, type VolumeControllers } from '../index';

export async function storageCluster(opts: { admission?: boolean } = {}): Promise<{ c: Cluster; vc: VolumeControllers; removed: string[] }> {
  // Every component but the volume controllers, which the test starts itself to watch what they remove.
  const c = await createCluster({ seed: 1, controllers: CONTROLLER_NAMES.filter((n) => n !== 'volume') });
  if (opts.admission === false) {
    // As if StorageObjectInUseProtection were off: the controllers add the finalizers instead.
    const m = c.api.deps.machinery;
    const base = m.admit.bind(m);
    m.admit = (input) => {
      const r = base(input);
      if (r.ok && input.operation === 'CREATE' && input.object && (input.rt.plural === 'persistentvolumeclaims' || input.rt.plural === 'persistentvolumes')) {
        const f = input.object.metadata.finalizers?.filter((x) => x !== 'kubernetes.io/pvc-protection' && x !== 'kubernetes.io/pv-protection');
        if (f?.length) input.object.metadata.finalizers = f;
        else delete input.object.metadata.finalizers;
      }
      return r;
    };
  }
  // Wired as the cluster wires it: the provisioner removes data through the node's kubelet.
  const removed: string[] = [];
  const removeData = (node: string, path: string) => {
    removed.push(`${node}:${path}`);
    c.kubelets.get(node)?.removeVolumeData(path);
  };
  const vc = startVolumeControllers(c.components, { localPath: { removeData } });
  c.informers.start();
  run(c, 1000);
  return { c, vc, removed };
}

/** Run every task due within `ms` of virtual time from now. */
export function run(c: Cluster, ms: number): void {
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 1_000_000 });
}

/** Run until `until` holds or `ms` of virtual time passed; returns whether it held. */
export function runUntil(c: Cluster, until: () => boolean, ms = 120_000): boolean {
  c.clock.runUntil({ until, time: c.clock.now() + ms, maxTasks: 1_000_000 });
  return until();
}

const RESOURCES: Record<string, { group: string; version: string; resource: string; namespaced: boolean }> = {
  PersistentVolume: { group: '', version: 'v1', resource: 'persistentvolumes', namespaced: false },
  PersistentVolumeClaim: { group: '', version: 'v1', resource: 'persistentvolumeclaims', namespaced: true },
  Pod: { group: '', version: 'v1', resource: 'pods', namespaced: true },
  Service: { group: '', version: 'v1', resource: 'services', namespaced: true },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets', namespaced: true },
  StorageClass: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', namespaced: false },
  PodDisruptionBudget: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
};

export function create(c: Cluster, obj: KubeObject): KubeObject {
  const rt = RESOURCES[obj.kind];
  if (!rt) throw new Error(`no resource for ${obj.kind}`);
  const r = c.as('test')({ verb: 'create', group: rt.group, version: rt.version, resource: rt.resource, namespace: rt.namespaced ? obj.metadata.namespace ?? 'default' : undefined, body: obj });
  return ok(r);
}

export function ok<T = KubeObject>(r: ApiResponse): T {
  if (r.status >= 400) throw new Error(`request failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export function get(c: Cluster, resource: string, name: string, namespace?: string): KubeObject | undefined {
  const group = resource === 'storageclasses' ? 'storage.k8s.io' : resource === 'statefulsets' ? 'apps' : '';
  const r = c.as('test')({ verb: 'get', group, version: 'v1', resource, namespace, name });
  return r.status === 200 ? (r.body as KubeObject) : undefined;
}

export function del(c: Cluster, resource: string, name: string, namespace?: string): ApiResponse {
  return c.as('test')({ verb: 'delete', group: '', version: 'v1', resource, namespace, name });
}

export interface EventView {
  reason: string;
  message: string;
  type: string;
  count?: number;
  source: { component: string };
  involvedObject: { kind: string; name: string };
}

export function eventsFor(c: Cluster, name: string, namespace = 'default'): EventView[] {
  const items = ok<{ items: EventView[] }>(c.as('test')({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace })).items;
  return items.filter((e) => e.involvedObject.name === name);
}

export function exec(c: Cluster, pod: string, command: string[], namespace = 'default'): { stdout: string; stderr: string; exitCode: number } {
  return ok(c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace, name: pod, subresource: 'exec', body: { command } }));
}

export const pvc = (name: string, spec: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', ...extra },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

export const pv = (name: string, spec: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, ...extra },
  spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: `/tmp/${name}` }, ...spec },
});
