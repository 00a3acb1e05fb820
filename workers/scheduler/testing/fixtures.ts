/**
 * Fixture builders for scheduler tests (after upstream's st.MakePod /
 * st.MakeNode): nodes and pods from a few fields, and a Handle backed by
 * plain lists instead of informers.
 */
import type { Affinity, Container, ContainerPort, Taint, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { Rng } from '../../clock/prng';
import { Clock } from '../../clock/clock';
import type { Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import { NodeInfo } from '../nodeInfo';
import { newPodInfo, type PodInfo } from '../podInfo';
import type { Handle, ListerName } from '../types';
import { PodNominator } from '../nominator';

export interface NodeSpec {
  name?: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  extra?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

let seq = 0;

export function nodeObject(s: NodeSpec = {}): KubeObject {
  const name = s.name ?? `node-${++seq}`;
  const alloc = { cpu: s.cpu ?? '4', memory: s.memory ?? '8Gi', pods: s.pods ?? '110', ...(s.extra ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(s.labels ?? {}) } },
    spec: { ...(s.taints ? { taints: s.taints } : {}), ...(s.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: alloc, capacity: alloc, ...(s.images ? { images: s.images } : {}) },
  };
}

export function node(s: NodeSpec = {}): NodeInfo {
  const o = nodeObject(s);
  const n = new NodeInfo(o.metadata.name!);
  n.setNode(o);
  return n;
}

export interface PodSpecInput {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  containers?: Container[];
  initContainers?: Container[];
  overhead?: Record<string, string>;
  ports?: ContainerPort[];
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  affinity?: Affinity;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  priority?: number;
  preemptionPolicy?: string;
  image?: string;
  volumes?: unknown[];
  ownerReferences?: KubeObject['metadata']['ownerReferences'];
  startTime?: string;
  nominatedNodeName?: string;
}

export function podObject(s: PodSpecInput = {}): KubeObject {
  const name = s.name ?? `pod-${++seq}`;
  const containers: Container[] = s.containers ?? [
    { name: 'c', image: s.image ?? 'nginx:1.27', ...(s.requests ? { resources: { requests: s.requests } } : {}), ...(s.ports ? { ports: s.ports } : {}) },
  ];
  const spec: Record<string, unknown> = { containers, schedulerName: 'default-scheduler', priority: s.priority ?? 0 };
  if (s.initContainers) spec.initContainers = s.initContainers;
  if (s.overhead) spec.overhead = s.overhead;
  if (s.tolerations) spec.tolerations = s.tolerations;
  if (s.nodeSelector) spec.nodeSelector = s.nodeSelector;
  if (s.nodeName) spec.nodeName = s.nodeName;
  if (s.affinity) spec.affinity = s.affinity;
  if (s.topologySpreadConstraints) spec.topologySpreadConstraints = s.topologySpreadConstraints;
  if (s.preemptionPolicy) spec.preemptionPolicy = s.preemptionPolicy;
  if (s.volumes) spec.volumes = s.volumes;
  const status: Record<string, unknown> = {};
  if (s.startTime) status.startTime = s.startTime;
  if (s.nominatedNodeName) status.nominatedNodeName = s.nominatedNodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: s.namespace ?? 'default', uid: s.uid ?? `uid-${name}`, labels: s.labels ?? {}, ...(s.ownerReferences ? { ownerReferences: s.ownerReferences } : {}) },
    spec,
    status,
  };
}

export function pod(s: PodSpecInput = {}): PodInfo {
  return newPodInfo(podObject(s));
}

/** Put `p` on `n` as if bound there. */
export function assign(n: NodeInfo, ...pods: PodInfo[]): NodeInfo {
  for (const p of pods) n.addPod(p);
  return n;
}

/** A Handle over fixed nodes and lists of objects per resource. */
export function fakeHandle(nodes: NodeInfo[], objects: Partial<Record<ListerName, KubeObject[]>> = {}): Handle & { events: string[] } {
  const events: string[] = [];
  const informer = (name: ListerName) => {
    const list = () => objects[name] ?? [];
    return {
      get: (ns: string | undefined, n: string) => list().find((o) => o.metadata.name === n && (ns === undefined || o.metadata.namespace === ns)),
      list: (ns?: string) => list().filter((o) => ns === undefined || o.metadata.namespace === ns),
    } as unknown as Informer<KubeObject>;
  };
  return {
    snapshot: {
      list: () => nodes,
      get: (n) => nodes.find((x) => x.name === n),
      havePodsWithAffinity: () => nodes.filter((n) => n.podsWithAffinity.length),
      havePodsWithRequiredAntiAffinity: () => nodes.filter((n) => n.podsWithRequiredAntiAffinity.length),
      hasImages: () => nodes.some((n) => n.imageStates.size > 0),
    },
    informer,
    framework: { runFilterPluginsWithNominatedPods: () => null, runPreFilterAddPod: () => {}, runPreFilterRemovePod: () => {} },
    nominator: new PodNominator(),
    client: () => ({ status: 200, body: {} }),
    recorder: { event: (_o: KubeObject, type: string, reason: string, msg: string) => events.push(`${type} ${reason} ${msg}`) } as unknown as EventRecorder,
    rng: new Rng(1),
    clock: new Clock(Date.UTC(2025, 0, 1)),
    schedulerName: 'default-scheduler',
    events,
  };
}
