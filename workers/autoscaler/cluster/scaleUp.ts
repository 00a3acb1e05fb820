/**
 * Deciding a scale-up (cluster-autoscaler/core/scaleup/orchestrator/orchestrator.go
 * ScaleUp, core/podlistprocessor/filter_out_schedulable.go,
 * estimator/binpacking_estimator.go, processors/status/eventing_scale_up_processor.go):
 * pods that fit on existing or already-booting nodes wait; the rest are
 * tried on a node built from the group's template; those that fit are
 * bin-packed onto as many new nodes as they need, capped at the group's max.
 */
import type { KubeObject } from '../../api/object';
import { newPodInfo, type PodInfo } from '../../scheduler/podInfo';
import { statusMessage } from '../../scheduler/status';
import type { ClusterSnapshot, PredicateChecker } from './simulator';
import type { NodeGroup } from './nodeGroup';

export interface ScaleUpInfo {
  group: string;
  currentSize: number;
  newSize: number;
  maxSize: number;
}

/** ScaleUpInfo.String: `{workers 3->4 (max: 6)}`. */
export function scaleUpInfoString(i: ScaleUpInfo): string {
  return `{${i.group} ${i.currentSize}->${i.newSize} (max: ${i.maxSize})}`;
}

export interface ScaleUpPlan {
  /** Pods that fit where capacity exists or is booting (no event). */
  waiting: string[];
  /** Pods the chosen option helps (TriggeredScaleUp). */
  triggered: string[];
  option?: ScaleUpInfo;
  /** Pods no group can help, with the aggregated reasons (NotTriggerScaleUp). */
  notTriggered: { pod: string; reasons: string }[];
}

export interface ScaleUpInput {
  snapshot: ClusterSnapshot;
  checker: PredicateChecker;
  group: NodeGroup;
  /** The group's target size (registered + booting − being deleted). */
  currentSize: number;
  /** Machines booting: each becomes a template node in the snapshot. */
  upcoming: number;
  /** Pods the scheduler marked Unschedulable. */
  pending: readonly KubeObject[];
  /** DaemonSet pods a new node would run (from the template node's group). */
  daemonSetPods: (nodeName: string) => KubeObject[];
}

const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

/** A template node with the DaemonSet pods it would run. */
function addTemplate(input: ScaleUpInput, snapshot: ClusterSnapshot, index: number): string | undefined {
  const node = input.group.templateNode(index);
  if (!node) return undefined;
  const name = node.metadata.name!;
  snapshot.addNode(node, input.daemonSetPods(name).map((p) => newPodInfo(p)));
  return name;
}

/** ReasonsMessage: `1 Insufficient cpu, 1 Insufficient memory` (one group, so each count is 1). */
function reasonsMessage(reasons: readonly string[]): string {
  return [...new Set(reasons)].sort().map((r) => `1 ${r}`).join(', ');
}

/** Binpacking estimator order: the pods that take most of a node first. */
function podScore(p: PodInfo, alloc: { milliCPU: number; memory: number }): number {
  const cpu = alloc.milliCPU > 0 ? p.requests.milliCPU / alloc.milliCPU : 0;
  const mem = alloc.memory > 0 ? p.requests.memory / alloc.memory : 0;
  return cpu + mem;
}

export function planScaleUp(input: ScaleUpInput): ScaleUpPlan {
  const plan: ScaleUpPlan = { waiting: [], triggered: [], notTriggered: [] };
  const { checker, group } = input;
  // FilterOutSchedulable: existing nodes and upcoming ones, each placement taking its room.
  const snapshot = input.snapshot.clone();
  let templateIndex = 0;
  for (let i = 0; i < input.upcoming; i++) addTemplate(input, snapshot, templateIndex++);
  const remaining: PodInfo[] = [];
  for (const p of input.pending) {
    const info = newPodInfo(p);
    const node = checker.fitsAny(snapshot, info);
    if (node) {
      snapshot.addPod(info, node);
      plan.waiting.push(key(p));
    } else remaining.push(info);
  }
  if (remaining.length === 0) return plan;

  if (input.currentSize >= group.maxSize) {
    for (const p of remaining) plan.notTriggered.push({ pod: p.key, reasons: reasonsMessage(['max node group size reached']) });
    return plan;
  }

  // Which pods a fresh node of the group could take at all.
  const probe = snapshot.clone();
  const probeName = addTemplate(input, probe, templateIndex);
  if (!probeName) {
    for (const p of remaining) plan.notTriggered.push({ pod: p.key, reasons: '' });
    return plan;
  }
  const fitting: PodInfo[] = [];
  for (const p of remaining) {
    const s = checker.check(probe, p, probeName);
    if (s === null) fitting.push(p);
    else plan.notTriggered.push({ pod: p.key, reasons: reasonsMessage(s.reasons.length ? s.reasons : [statusMessage(s)]) });
  }
  if (fitting.length === 0) return plan;

  // BinpackingNodeEstimator.Estimate, limited to the room left in the group.
  const limit = group.maxSize - input.currentSize;
  const alloc = probe.get(probeName)!.allocatable;
  const ordered = [...fitting].sort((a, b) => podScore(b, alloc) - podScore(a, alloc));
  const est = snapshot.clone();
  const added: string[] = [];
  for (const p of ordered) {
    let placed = false;
    // The newest node first, then the others the estimate added.
    for (let i = added.length - 1; i >= 0 && !placed; i--) {
      if (checker.check(est, p, added[i]) === null) {
        est.addPod(p, added[i]);
        placed = true;
      }
    }
    if (placed || added.length >= limit) continue;
    const name = addTemplate(input, est, ++templateIndex)!;
    if (checker.check(est, p, name) === null) {
      est.addPod(p, name);
      added.push(name);
    } else est.removeNode(name);
  }
  if (added.length === 0) return plan;
  plan.option = { group: group.id, currentSize: input.currentSize, newSize: input.currentSize + added.length, maxSize: group.maxSize };
  plan.triggered = fitting.map((p) => p.key);
  return plan;
}
