/**
 * Where a DaemonSet's pods go (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod and pkg/controller/daemon/util/daemonset_util.go):
 * the default tolerations every daemon pod gets, the node-name affinity the
 * scheduler binds it with, and the node a not-yet-scheduled pod is aimed at.
 */
import type { Affinity, PodSpec, PodTemplateSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import { clone, jsonEqual } from '../../api/object';
import { RequiredNodeAffinity } from '../../scheduler/helpers/nodeAffinity';
import { findUntoleratedTaint } from '../../scheduler/helpers/taints';
import type { NodeInfo } from '../../scheduler/nodeInfo';
import type { Pod } from '../replicaset/types';
import type { DaemonSet, Node } from './types';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** MatchToleration: same key, operator, value and effect. */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

/** AddOrUpdateTolerationInPodSpec. */
function addOrUpdateToleration(spec: PodSpec, t: Toleration): void {
  const list = spec.tolerations ? [...spec.tolerations] : [];
  const i = list.findIndex((x) => sameToleration(x, t));
  if (i < 0) list.push(t);
  else if (!jsonEqual(list[i], t)) list[i] = t;
  spec.tolerations = list;
}

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready and
 * unreachable nodes and ignore the node-condition taints.
 */
export function addDaemonPodTolerations(spec: PodSpec): void {
  const exists = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({ key, operator: 'Exists', effect });
  addOrUpdateToleration(spec, exists('node.kubernetes.io/not-ready', 'NoExecute'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/unreachable', 'NoExecute'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/disk-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/memory-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/pid-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, exists('node.kubernetes.io/unschedulable', 'NoSchedule'));
  if (spec.hostNetwork) addOrUpdateToleration(spec, exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
}

/** GetTemplateGeneration: the DaemonSet's deprecated template-generation annotation. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

/** CreatePodTemplate: tolerations, the template generation and the revision hash. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = clone(ds.spec.template ?? {}) as PodTemplateSpec & { metadata: NonNullable<PodTemplateSpec['metadata']>; spec: PodSpec };
  t.spec ??= { containers: [] };
  addDaemonPodTolerations(t.spec);
  t.metadata ??= {};
  const labels = { ...(t.metadata.labels ?? {}) };
  const gen = templateGeneration(ds);
  if (gen !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(gen);
  if (hash) labels['controller-revision-hash'] = hash;
  t.metadata.labels = labels;
  return t;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: required affinity becomes `metadata.name In [node]`. */
export function replaceNodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const a: Affinity = affinity ? { ...affinity } : {};
  const na = a.nodeAffinity ? { ...a.nodeAffinity } : {};
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  na.requiredDuringSchedulingIgnoredDuringExecution = req ? { ...req, nodeSelectorTerms: [term] } : { nodeSelectorTerms: [term] };
  a.nodeAffinity = na;
  return a;
}

/** GetTargetNodeName: where a daemon pod runs or is meant to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** The scheduler helpers match against a NodeInfo; only its name and labels are read. */
function asNodeInfo(node: Node): NodeInfo {
  return { name: node.metadata.name!, labels: node.metadata.labels ?? {} } as unknown as NodeInfo;
}

export interface Placement {
  /** A daemon pod should be created on the node. */
  shouldRun: boolean;
  /** A daemon pod already there may stay (it tolerates the node's NoExecute taints). */
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): Placement {
  const template = ds.spec.template ?? {};
  const spec: PodSpec = { ...(template.spec ?? { containers: [] }), nodeName: node.metadata.name };
  addDaemonPodTolerations(spec);
  const wanted = template.spec?.nodeName;
  if (wanted && wanted !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!new RequiredNodeAffinity({ spec }).match(asNodeInfo(node))) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Taint[] = node.spec?.taints ?? [];
  if (findUntoleratedTaint(taints, spec.tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) {
    const noExecute = findUntoleratedTaint(taints, spec.tolerations, (t) => t.effect === 'NoExecute');
    return { shouldRun: false, shouldContinueRunning: !noExecute };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
