import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { nodeChaosState, podContainers } from './chaosState';
import { planDrain, type DrainPod } from './drainPlan';

const owned = (name: string, kind = 'ReplicaSet', extra: Partial<DrainPod> = {}): DrainPod => ({
  metadata: { name, namespace: 'default', ownerReferences: [{ kind, name: 'x', controller: true }] },
  status: { phase: 'Running' },
  ...extra,
});

describe('planDrain', () => {
  const all = { force: false, ignoreDaemonSets: true, deleteEmptyDirData: true };

  it('evicts controlled pods and finished ones, skips mirror and DaemonSet pods', () => {
    const plan = planDrain(
      [
        owned('web'),
        owned('ds', 'DaemonSet'),
        { metadata: { name: 'etcd', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'x' } } },
        { metadata: { name: 'done', namespace: 'default' }, status: { phase: 'Succeeded' } },
        owned('cache', 'ReplicaSet', { spec: { volumes: [{ emptyDir: {} }] } }),
      ],
      all,
    );
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['web', 'done', 'cache']);
    expect(plan.warnings).toEqual(['ignoring DaemonSet-managed Pods: default/ds', 'deleting Pods with local storage: default/cache']);
    expect(plan.errors).toEqual([]);
  });

  it('refuses what kubectl drain refuses without its flags', () => {
    const plan = planDrain([owned('ds', 'DaemonSet'), owned('cache', 'ReplicaSet', { spec: { volumes: [{ emptyDir: {} }] } }), { metadata: { name: 'bare', namespace: 'default' } }], {
      force: false,
      ignoreDaemonSets: false,
      deleteEmptyDirData: false,
    });
    expect(plan.evict).toEqual([]);
    expect(plan.errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/ds',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
    ]);
  });
});

describe('chaos state', () => {
  it('reads cordon, readiness, memory pressure and node taints', () => {
    const st = nodeChaosState({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'w' },
      spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'team', effect: 'NoSchedule' }] },
      status: { conditions: [{ type: 'Ready', status: 'Unknown' }, { type: 'MemoryPressure', status: 'True' }] },
    } as KubeObject);
    expect(st).toEqual({
      unschedulable: true,
      ready: 'Unknown',
      memoryPressure: true,
      notes: ['Ready is Unknown: the node stopped reporting', 'Cordoned: SchedulingDisabled', 'MemoryPressure: the kubelet is evicting pods', 'Taint node.kubernetes.io/unreachable:NoExecute'],
    });
    expect(nodeChaosState({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'x' } } as KubeObject).ready).toBe('Unknown');
  });

  it('lists a pod’s containers, ignoring malformed entries', () => {
    expect(podContainers({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app' }, { name: 'sidecar' }, {}] } } as KubeObject)).toEqual(['app', 'sidecar']);
    expect(podContainers({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } as KubeObject)).toEqual([]);
  });
});
