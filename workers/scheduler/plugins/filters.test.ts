import { describe, it, expect } from 'vitest';
import { assign, fakeHandle, node, pod } from '../testing/fixtures';
import { CycleState, type FilterPlugin, type PreFilterPlugin } from '../types';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import type { Status } from '../status';
import * as NodeName from './nodeName';
import * as NodeUnschedulable from './nodeUnschedulable';
import * as TaintToleration from './taintToleration';
import * as NodeAffinity from './nodeAffinity';
import * as NodePorts from './nodePorts';
import * as NodeResourcesFit from './nodeResourcesFit';
import * as VolumeBinding from './volumeBinding';
import * as SchedulingGates from './schedulingGates';

/** PreFilter (if any) then Filter, as the framework would. */
function run(plugin: Partial<PreFilterPlugin> & FilterPlugin, p: PodInfo, n: NodeInfo): Status | null | 'skip' {
  const state = new CycleState();
  if (plugin.preFilter) {
    const r = plugin.preFilter(state, p, [n]);
    if (r.status?.code === 'Skip') return 'skip';
    if (r.status) return r.status;
  }
  return plugin.filter(state, p, n);
}

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('filter plugins', () => {
  const cases: { name: string; plugin: Partial<PreFilterPlugin> & FilterPlugin; pod: PodInfo; node: NodeInfo; want: Status | null | 'skip' }[] = [
    { name: 'NodeName: no nodeName fits', plugin: NodeName.New(), pod: pod(), node: node({ name: 'a' }), want: null },
    { name: 'NodeName: other node', plugin: NodeName.New(), pod: pod({ nodeName: 'b' }), node: node({ name: 'a' }), want: { code: 'UnschedulableAndUnresolvable', reasons: [NodeName.ErrReason] } },
    { name: 'NodeUnschedulable: cordoned', plugin: NodeUnschedulable.New(), pod: pod(), node: node({ unschedulable: true }), want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
    {
      name: 'NodeUnschedulable: tolerated',
      plugin: NodeUnschedulable.New(),
      pod: pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      node: node({ unschedulable: true }),
      want: null,
    },
    {
      name: 'TaintToleration: control plane taint, empty value printed',
      plugin: TaintToleration.New(),
      pod: pod(),
      node: node({ taints: [cp] }),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    },
    { name: 'TaintToleration: Exists toleration', plugin: TaintToleration.New(), pod: pod({ tolerations: [{ key: cp.key, operator: 'Exists' }] }), node: node({ taints: [cp] }), want: null },
    {
      name: 'TaintToleration: Equal with wrong value',
      plugin: TaintToleration.New(),
      pod: pod({ tolerations: [{ key: 'k', value: 'x', effect: 'NoExecute' }] }),
      node: node({ taints: [{ key: 'k', value: 'y', effect: 'NoExecute' }] }),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {k: y}'] },
    },
    { name: 'TaintToleration: PreferNoSchedule never filters', plugin: TaintToleration.New(), pod: pod(), node: node({ taints: [{ key: 'k', effect: 'PreferNoSchedule' }] }), want: null },
    { name: 'NodeAffinity: nothing to check', plugin: NodeAffinity.New(), pod: pod(), node: node(), want: 'skip' },
    {
      name: 'NodeAffinity: nodeSelector label missing',
      plugin: NodeAffinity.New(),
      pod: pod({ nodeSelector: { disktype: 'ssd' } }),
      node: node(),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    },
    { name: 'NodeAffinity: nodeSelector matches', plugin: NodeAffinity.New(), pod: pod({ nodeSelector: { disktype: 'ssd' } }), node: node({ labels: { disktype: 'ssd' } }), want: null },
    {
      name: 'NodeAffinity: required In terms are ORed',
      plugin: NodeAffinity.New(),
      pod: pod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }],
            },
          },
        },
      }),
      node: node({ labels: { zone: 'b' } }),
      want: null,
    },
    {
      name: 'NodeAffinity: Gt on a numeric label',
      plugin: NodeAffinity.New(),
      pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['3'] }] }] } } } }),
      node: node({ labels: { gen: '2' } }),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    },
    {
      name: 'NodeAffinity: an empty term matches nothing',
      plugin: NodeAffinity.New(),
      pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }),
      node: node(),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    },
    { name: 'NodePorts: no ports', plugin: NodePorts.New(), pod: pod(), node: node(), want: 'skip' },
    {
      name: 'NodePorts: host port taken on 0.0.0.0',
      plugin: NodePorts.New(),
      pod: pod({ ports: [{ containerPort: 80, hostPort: 8080 }] }),
      node: assign(node(), pod({ ports: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }] })),
      want: { code: 'Unschedulable', reasons: [NodePorts.ErrReason] },
    },
    {
      name: 'NodePorts: same port, other protocol',
      plugin: NodePorts.New(),
      pod: pod({ ports: [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }] }),
      node: assign(node(), pod({ ports: [{ containerPort: 53, hostPort: 53 }] })),
      want: null,
    },
    { name: 'NodeResourcesFit: fits', plugin: NodeResourcesFit.New(), pod: pod({ requests: { cpu: '1', memory: '1Gi' } }), node: node({ cpu: '2' }), want: null },
    {
      name: 'NodeResourcesFit: every lacking resource is a reason',
      plugin: NodeResourcesFit.New(),
      pod: pod({ requests: { cpu: '3', memory: '9Gi' } }),
      node: assign(node({ cpu: '4', memory: '8Gi' }), pod({ requests: { cpu: '2' } })),
      want: { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] },
    },
    {
      name: 'NodeResourcesFit: too many pods comes first',
      plugin: NodeResourcesFit.New(),
      pod: pod({ requests: { cpu: '8' } }),
      node: assign(node({ pods: '1' }), pod()),
      want: { code: 'Unschedulable', reasons: ['Too many pods', 'Insufficient cpu'] },
    },
    {
      name: 'NodeResourcesFit: extended resource',
      plugin: NodeResourcesFit.New(),
      pod: pod({ requests: { 'example.com/gpu': '1' } }),
      node: node(),
      want: { code: 'Unschedulable', reasons: ['Insufficient example.com/gpu'] },
    },
    { name: 'NodeResourcesFit: extended resource present', plugin: NodeResourcesFit.New(), pod: pod({ requests: { 'example.com/gpu': '1' } }), node: node({ extra: { 'example.com/gpu': '2' } }), want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.plugin, c.pod, c.node)).toEqual(c.want);
    });
  }

  it('NodeResourcesFit counts an init container by its maximum, not its sum', () => {
    const p = pod({ containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }], initContainers: [{ name: 'i', resources: { requests: { cpu: '3' } } }] });
    expect(run(NodeResourcesFit.New(), p, node({ cpu: '3' }))).toBeNull();
    expect(run(NodeResourcesFit.New(), p, node({ cpu: '2' }))).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu'] });
  });

  it('NodeResourcesFit with a pod exactly filling the node', () => {
    expect(run(NodeResourcesFit.New(), pod({ requests: { cpu: '4' } }), node({ cpu: '4' }))).toBeNull();
    expect(run(NodeResourcesFit.New(), pod({ requests: { cpu: '4001m' } }), node({ cpu: '4' }))).not.toBeNull();
  });

  it('NodeAffinity narrows to the nodes named by metadata.name', () => {
    const p = pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } });
    const r = NodeAffinity.New().preFilter(new CycleState(), p, []);
    expect(r.result?.nodeNames).toEqual(new Set(['a', 'b']));
    expect(run(NodeAffinity.New(), p, node({ name: 'c' }))).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    expect(run(NodeAffinity.New(), p, node({ name: 'a' }))).toBeNull();
  });

  it('SchedulingGates holds gated pods', () => {
    const gated = pod();
    (gated.pod.spec as { schedulingGates?: { name: string }[] }).schedulingGates = [{ name: 'example.com/wait' }];
    expect(SchedulingGates.New().preEnqueue(gated)?.reasons).toEqual(['waiting for scheduling gates: [example.com/wait]']);
    expect(SchedulingGates.New().preEnqueue(pod())).toBeNull();
  });
});

describe('VolumeBinding', () => {
  const claim = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { ...extra }, status: {} });
  const withVolume = pod({ volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] });
  const pre = (objects: Parameters<typeof fakeHandle>[1]) => VolumeBinding.New(fakeHandle([], objects)).preFilter(new CycleState(), withVolume, []).status;

  it('skips pods without claims', () => {
    expect(VolumeBinding.New(fakeHandle([])).preFilter(new CycleState(), pod(), []).status?.code).toBe('Skip');
  });
  it('a missing claim', () => {
    expect(pre({})).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['persistentvolumeclaim "data" not found'] });
  });
  it('an unbound claim of an Immediate class', () => {
    expect(pre({ persistentvolumeclaims: [claim('data', { storageClassName: 'standard' })] })?.reasons).toEqual(['pod has unbound immediate PersistentVolumeClaims']);
  });
  it('a bound claim passes', () => {
    const bound = claim('data', { volumeName: 'pv-1' });
    (bound.metadata as Record<string, unknown>).annotations = { 'pv.kubernetes.io/bind-completed': 'yes' };
    expect(pre({ persistentvolumeclaims: [bound] })).toBeNull();
  });
  it('a claim naming its volume but not yet bound counts as unbound immediate (isPVCFullyBound)', () => {
    expect(pre({ persistentvolumeclaims: [claim('data', { volumeName: 'pv-1' })] })?.reasons).toEqual(['pod has unbound immediate PersistentVolumeClaims']);
  });
  it('an unbound WaitForFirstConsumer claim passes (binding left for later)', () => {
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, volumeBindingMode: 'WaitForFirstConsumer' };
    expect(pre({ persistentvolumeclaims: [claim('data', { storageClassName: 'local' })], storageclasses: [sc] })).toBeNull();
  });
  it('a claim being deleted', () => {
    const c = claim('data', { volumeName: 'pv' });
    (c.metadata as Record<string, unknown>).deletionTimestamp = '2025-01-01T00:00:00Z';
    expect(pre({ persistentvolumeclaims: [c] })?.reasons).toEqual(['persistentvolumeclaim "data" is being deleted']);
  });
});
