/** Fixtures for this folder's tests: worker nodes, pods, and a ComponentContext from a bare cluster. */
import type { KubeObject } from '../../api/object';
import { createCluster } from '../../cluster';
import type { ComponentContext } from '../../controllers/context';
import { nodeObject, podObject, type PodSpecInput } from '../../scheduler/testing/fixtures';

/** A cluster with nothing running: only its informers and clients are used. */
export async function bareComponents(): Promise<ComponentContext> {
  const c = await createCluster({ controllers: [], kubelets: 'none', nodes: 0 });
  return c.components;
}

export function worker(name: string, cpu = '4', memory = '8Gi'): KubeObject {
  const n = nodeObject({ name, cpu, memory, labels: { 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'zone-a' } });
  (n.status as Record<string, unknown>).conditions = [{ type: 'Ready', status: 'True' }];
  return n;
}

export function rsPod(s: PodSpecInput & { namespace?: string }): KubeObject {
  return podObject({ ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs', controller: true }], ...s });
}
