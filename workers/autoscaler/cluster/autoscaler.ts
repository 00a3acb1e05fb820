/**
 * cluster-autoscaler (core/static_autoscaler.go RunOnce, every 10 s): reads
 * nodes and pods from the informers, scales the `workers` group up when
 * pods are unschedulable and a new node would take them, and removes nodes
 * that have been under-used for 10 minutes once their pods can move
 * elsewhere (taint, evict, delete the machine). Events go where upstream
 * puts them (pods, nodes, the status ConfigMap), and the ConfigMap
 * `cluster-autoscaler-status` is rewritten each loop.
 */
import type { KubeObject } from '../../api/object';
import type { ApiCall, ComponentContext } from '../../controllers/context';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { CORE } from '../../client/factory';
import { Rng } from '../../clock/prng';
import { newPodInfo, type PodInfo } from '../../scheduler/podInfo';
import { parseLabelSelector } from '../../api/selectors/labels';
import { ClusterSnapshot, PredicateChecker } from './simulator';
import { BOOT_JITTER_MS, BOOT_MIN_MS, NodeGroup, TO_BE_DELETED_TAINT, type CloudProvider } from './nodeGroup';
import { planScaleUp, scaleUpInfoString, type ScaleUpInfo } from './scaleUp';
import { findRemovable, utilizationString, type NodeVerdict } from './scaleDown';
import { goTime, LAST_UPDATED_ANNOTATION, STATUS_CONFIG_MAP, statusText, type AutoscalerStatus, type NodeCounts } from './status';

export const CLUSTER_AUTOSCALER = 'cluster-autoscaler';
/** --scan-interval, --scale-down-unneeded-time, --scale-down-delay-after-add, --scale-down-delay-after-failure. */
export const SCAN_INTERVAL_MS = 10_000;
export const SCALE_DOWN_UNNEEDED_MS = 10 * 60_000;
export const SCALE_DOWN_DELAY_AFTER_ADD_MS = 10 * 60_000;
export const SCALE_DOWN_DELAY_AFTER_FAILURE_MS = 3 * 60_000;
/** MaxPodEvictionTime and EvictionRetryTime (core/scaledown/actuation/drain.go). */
const MAX_POD_EVICTION_MS = 2 * 60_000;
const EVICTION_RETRY_MS = 10_000;
/** How often a drain checks whether the node's pods are gone. */
const DRAIN_POLL_MS = 5_000;
/** --max-empty-bulk-delete. */
const MAX_EMPTY_BULK_DELETE = 10;
/** --max-node-provision-time: registered but not ready this long counts as not started. */
const MAX_NODE_STARTUP_MS = 15 * 60_000;

export interface ClusterAutoscalerOptions {
  min: number;
  max: number;
}

/** One loop's reasoning, kept for the timeline's narration. */
export interface AutoscalerDecision {
  at: number;
  /** Pods the scheduler could not place this loop. */
  unschedulable: string[];
  scaleUp?: {
    /** Pods that fit on existing or booting nodes. */
    waiting: string[];
    triggeredBy: string[];
    option?: ScaleUpInfo;
    notTriggered: { pod: string; reasons: string }[];
  };
  scaleDown: {
    /** Every candidate considered, with utilization and why it cannot go. */
    considered: NodeVerdict[];
    unneededSince: Record<string, number>;
    /** Why nothing was removed although some node was unneeded. */
    blocked?: string;
    removing: string[];
  };
}

type PodObj = KubeObject & { spec?: { nodeName?: string; schedulerName?: string }; status?: { phase?: string; conditions?: { type: string; status: string; reason?: string }[] } };

function isReady(node: KubeObject): boolean {
  const conds = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function hasDeletionTaint(node: KubeObject): boolean {
  return ((node.spec as { taints?: { key: string }[] } | undefined)?.taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT);
}

/** Pods the scheduler gave up on for now (PodScheduled=False, reason Unschedulable). */
export function isUnschedulable(p: PodObj): boolean {
  if (p.spec?.nodeName || p.metadata.deletionTimestamp) return false;
  if (p.status?.phase && p.status.phase !== 'Pending') return false;
  return !!p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
}

export class ClusterAutoscaler {
  readonly group: NodeGroup;
  private readonly client: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly checker: PredicateChecker;
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly pdbs: Informer;
  private readonly rng = new Rng(0xc1a5);
  private readonly podInfos = new Map<string, { rv: string; info: PodInfo }>();
  private readonly unneededSince = new Map<string, number>();
  private readonly transitions = new Map<string, { status: string; at: number }>();
  private statusMap: KubeObject | undefined;
  private lastScaleUp = -Infinity;
  private lastScaleDownDelete = -Infinity;
  private lastScaleDownFail = -Infinity;
  private drains = 0;
  /** Nodes seen Ready at least once: a NotReady one of these is unready, not still starting. */
  private readonly everReady = new Set<string>();
  private decision: AutoscalerDecision | undefined;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly cloud: CloudProvider,
    opts: ClusterAutoscalerOptions,
  ) {
    this.group = new NodeGroup(opts.min, opts.max);
    this.client = ctx.client(CLUSTER_AUTOSCALER);
    this.recorder = ctx.recorder(CLUSTER_AUTOSCALER);
    this.checker = new PredicateChecker(ctx);
    this.nodes = ctx.informers.for(CORE('nodes'));
    this.pods = ctx.informers.for(CORE('pods'));
    this.pdbs = ctx.informers.for({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' });
    this.schedule();
  }

  /** The latest loop's reasoning: which pods triggered what, which nodes were considered for removal and why not. */
  lastDecision(): AutoscalerDecision | undefined {
    return this.decision;
  }

  private schedule(): void {
    this.ctx.clock.schedule(SCAN_INTERVAL_MS, { component: CLUSTER_AUTOSCALER, key: 'kube-system/cluster-autoscaler', what: 'autoscale' }, () => {
      this.runOnce();
      this.schedule();
    });
  }

  private podInfo(p: KubeObject): PodInfo {
    const uid = p.metadata.uid ?? `${p.metadata.namespace}/${p.metadata.name}`;
    const rv = p.metadata.resourceVersion ?? '';
    const hit = this.podInfos.get(uid);
    if (hit && hit.rv === rv) return hit.info;
    const info = newPodInfo(p);
    this.podInfos.set(uid, { rv, info });
    return info;
  }

  runOnce(): void {
    const now = this.ctx.clock.now();
    const allNodes = this.nodes.list();
    const groupNodes = allNodes.filter(NodeGroup.isMember);
    this.group.observe(groupNodes);
    const pods = this.pods.list() as PodObj[];

    for (const n of allNodes) if (isReady(n)) this.everReady.add(n.metadata.name!);
    const live = new Set(allNodes.map((n) => n.metadata.name!));
    for (const n of this.everReady) if (!live.has(n)) this.everReady.delete(n);
    const notStarted = groupNodes.filter((n) => this.starting(n, now));
    const unregistered = [...this.group.upcoming.keys()].filter((name) => !groupNodes.some((n) => n.metadata.name === name));
    const currentSize = this.group.targetSize(groupNodes);
    const unschedulable = pods.filter(isUnschedulable);
    const decision: AutoscalerDecision = { at: now, unschedulable: unschedulable.map((p) => `${p.metadata.namespace}/${p.metadata.name}`), scaleDown: { considered: [], unneededSince: {}, removing: [] } };

    // The simulation is only built when something may change: pods waiting, or nodes above the minimum.
    const snapshot = unschedulable.length || currentSize > this.group.minSize ? this.snapshot(allNodes, pods) : new ClusterSnapshot();
    let scaledUp = false;
    if (unschedulable.length) {
      const plan = planScaleUp({
        snapshot,
        checker: this.checker,
        group: this.group,
        currentSize,
        upcoming: unregistered.length + notStarted.length,
        pending: unschedulable,
        daemonSetPods: (node) => this.daemonSetPodsFor(node, groupNodes, pods),
      });
      decision.scaleUp = { waiting: plan.waiting, triggeredBy: plan.triggered, option: plan.option, notTriggered: plan.notTriggered };
      const byKey = new Map(unschedulable.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
      if (plan.option) {
        this.scaleUp(plan.option, now);
        scaledUp = true;
        // Mirrors processors/status/eventing_scale_up_processor.go.
        for (const k of plan.triggered) {
          const p = byKey.get(k);
          if (p) this.recorder.event(p, 'Normal', 'TriggeredScaleUp', `pod triggered scale-up: [${scaleUpInfoString(plan.option)}]`);
        }
      } else {
        for (const n of plan.notTriggered) {
          const p = byKey.get(n.pod);
          if (p) this.recorder.event(p, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up: ${n.reasons}`);
        }
      }
    }

    this.scaleDown(decision, snapshot, groupNodes, currentSize, now, scaledUp);
    this.decision = decision;
    this.writeStatus(now, allNodes, groupNodes, currentSize, unregistered.length, notStarted.length, decision);
  }

  /** The snapshot of ready nodes the autoscaler is not removing, with their pods (obtainNodeLists). */
  private snapshot(allNodes: readonly KubeObject[], pods: readonly PodObj[]): ClusterSnapshot {
    if (this.podInfos.size) {
      const live = new Set(pods.map((p) => p.metadata.uid));
      for (const uid of this.podInfos.keys()) if (!live.has(uid)) this.podInfos.delete(uid);
    }
    const snapshot = new ClusterSnapshot();
    const byNode = new Map<string, PodInfo[]>();
    for (const p of pods) {
      const nodeName = p.spec?.nodeName;
      if (!nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      let l = byNode.get(nodeName);
      if (!l) byNode.set(nodeName, (l = []));
      l.push(this.podInfo(p));
    }
    for (const n of allNodes) {
      if (isReady(n) && !hasDeletionTaint(n) && !this.group.deleting.has(n.metadata.name!)) snapshot.addNode(n, byNode.get(n.metadata.name!) ?? []);
    }
    return snapshot;
  }

  /** DaemonSet pods a new node would run: those of an existing group node, renamed onto it (TemplateNodeInfo's sanitized pods). */
  private daemonSetPodsFor(node: string, groupNodes: readonly KubeObject[], pods: readonly PodObj[]): KubeObject[] {
    const sample = groupNodes.find((n) => isReady(n))?.metadata.name;
    if (!sample) return [];
    return pods
      .filter((p) => p.spec?.nodeName === sample && p.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet'))
      .map((p) => ({ ...p, metadata: { ...p.metadata, name: `${p.metadata.name}-${node}`, uid: `${p.metadata.uid}-${node}` }, spec: { ...p.spec, nodeName: node } }));
  }

  private scaleUp(info: ScaleUpInfo, now: number): void {
    const delta = info.newSize - info.currentSize;
    // Mirrors core/scaleup/orchestrator/executor.go executeScaleUp.
    this.logEvent('ScaledUpGroup', `Scale-up: setting group ${info.group} size to ${info.newSize} instead of ${info.currentSize} (max: ${info.maxSize})`);
    for (let i = 0; i < delta; i++) {
      const bootMs = BOOT_MIN_MS + this.rng.int(BOOT_JITTER_MS + 1);
      const name = this.cloud.createMachine(bootMs);
      this.group.upcoming.set(name, { name, requestedAt: now, bootsAt: now + bootMs });
    }
    this.logEvent('ScaledUpGroup', `Scale-up: group ${info.group} size set to ${info.newSize} instead of ${info.currentSize} (max: ${info.maxSize})`);
    this.lastScaleUp = now;
  }

  private scaleDown(decision: AutoscalerDecision, snapshot: ClusterSnapshot, groupNodes: readonly KubeObject[], currentSize: number, now: number, scaledUp: boolean): void {
    const sd = decision.scaleDown;
    // Nodes of a group already at its minimum cannot go; the simulation is skipped for them.
    if (currentSize <= this.group.minSize) {
      this.unneededSince.clear();
      sd.blocked = currentSize < this.group.minSize ? undefined : 'NodeGroupMinSizeReached';
      return;
    }
    const candidates = groupNodes
      .map((n) => n.metadata.name!)
      .filter((n) => snapshot.get(n) && !this.group.upcoming.has(n))
      .sort();
    const verdicts = findRemovable({ snapshot, checker: this.checker, candidates, pdbs: this.pdbMatchers() });
    sd.considered = verdicts;
    const unneeded = new Set(verdicts.filter((v) => !v.unremovable).map((v) => v.node));
    for (const n of this.unneededSince.keys()) if (!unneeded.has(n)) this.unneededSince.delete(n);
    for (const n of unneeded) if (!this.unneededSince.has(n)) this.unneededSince.set(n, now);
    sd.unneededSince = Object.fromEntries(this.unneededSince);
    if (scaledUp) return void (sd.blocked = 'ScaleUpThisLoop');
    if (now < this.lastScaleUp + SCALE_DOWN_DELAY_AFTER_ADD_MS) return void (sd.blocked = 'ScaleDownInCooldown (scale-down-delay-after-add)');
    if (now < this.lastScaleDownFail + SCALE_DOWN_DELAY_AFTER_FAILURE_MS) return void (sd.blocked = 'ScaleDownInCooldown (scale-down-delay-after-failure)');
    if (now < this.lastScaleDownDelete + SCAN_INTERVAL_MS) return void (sd.blocked = 'ScaleDownInCooldown (scale-down-delay-after-delete)');
    if (this.drains > 0) return void (sd.blocked = 'ScaleDownInProgress');
    const ready = verdicts.filter((v) => !v.unremovable && now - (this.unneededSince.get(v.node) ?? now) >= SCALE_DOWN_UNNEEDED_MS);
    if (!ready.length) return;
    let room = currentSize - this.group.minSize;
    const empty = ready.filter((v) => v.podsToMove.length === 0).slice(0, Math.min(MAX_EMPTY_BULK_DELETE, room));
    for (const v of empty) {
      this.startDeletion(v, false, now);
      sd.removing.push(v.node);
      room--;
    }
    const drain = ready.find((v) => v.podsToMove.length > 0);
    if (!empty.length && drain && room > 0) {
      this.startDeletion(drain, true, now);
      sd.removing.push(drain.node);
    }
  }

  private pdbMatchers(): { matches: (p: KubeObject) => boolean; allowed: number }[] {
    const out: { matches: (p: KubeObject) => boolean; allowed: number }[] = [];
    for (const pdb of this.pdbs.list()) {
      const sel = (pdb.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } } | undefined)?.selector;
      const text = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      const parsed = parseLabelSelector(text);
      if (!parsed.ok || !text) continue;
      const ns = pdb.metadata.namespace;
      const allowed = (pdb.status as { disruptionsAllowed?: number } | undefined)?.disruptionsAllowed ?? 0;
      out.push({ matches: (p) => p.metadata.namespace === ns && parsed.selector.matches((p.metadata.labels ?? {}) as Record<string, string>), allowed });
    }
    return out;
  }

  /** Actuator.StartDeletion for one node: taint it, then (drain) evict its pods, then delete the machine. */
  private startDeletion(v: NodeVerdict, drain: boolean, now: number): void {
    const node = this.nodes.get(undefined, v.node);
    if (!node) return;
    this.group.deleting.add(v.node);
    this.drains++;
    const taints = [...(((node.spec as { taints?: unknown[] } | undefined)?.taints ?? []) as { key: string }[]).filter((t) => t.key !== TO_BE_DELETED_TAINT), { key: TO_BE_DELETED_TAINT, value: String(Math.floor(now / 1000)), effect: 'NoSchedule' }];
    const r = this.client({ verb: 'patch', group: '', version: 'v1', resource: 'nodes', name: v.node, contentType: 'application/merge-patch+json', body: { spec: { taints } } });
    if (r.status >= 300) {
      this.recorder.event(node, 'Warning', 'ScaleDownFailed', `failed to mark the node as toBeDeleted/unschedulable: ${(r.body as { message?: string }).message ?? r.status}`);
      this.abort(v.node, now);
      return;
    }
    // Mirrors core/scaledown/actuation/actuator.go taintNode and drain.go.
    this.recorder.event(node, 'Normal', 'ScaleDown', 'marked the node as toBeDeleted/unschedulable');
    if (drain) this.logEvent('ScaleDown', `Scale-down: removing node ${v.node}, utilization: ${utilizationString(v.utilization)}, pods to reschedule: ${v.podsToMove.join(',')}`);
    else this.logEvent('ScaleDownEmpty', `Scale-down: removing empty node "${v.node}"`);
    const label = { component: CLUSTER_AUTOSCALER, key: v.node, what: drain ? 'drain node' : 'delete empty node' };
    if (!drain) {
      this.ctx.clock.schedule(0, label, () => this.finishDeletion(v.node, false));
      return;
    }
    const deadline = now + MAX_POD_EVICTION_MS;
    const pending = new Set(v.podsToMove);
    const evictRound = () => {
      for (const key of [...pending]) {
        const [ns, name] = key.split('/');
        const pod = this.pods.get(ns, name);
        if (!pod) {
          pending.delete(key);
          continue;
        }
        const res = this.client({ verb: 'create', group: '', version: 'v1', resource: 'pods', subresource: 'eviction', namespace: ns, name, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } } });
        if (res.status < 300 || res.status === 404) {
          this.recorder.event(pod, 'Normal', 'ScaleDown', 'deleting pod for node scale down');
          pending.delete(key);
        }
      }
      if (pending.size && this.ctx.clock.now() < deadline) {
        this.ctx.clock.schedule(EVICTION_RETRY_MS, { ...label, what: 'retry pod evictions' }, evictRound);
        return;
      }
      if (pending.size) {
        this.recorder.event(node, 'Warning', 'ScaleDownFailed', 'failed to drain the node, aborting ScaleDown');
        this.abort(v.node, this.ctx.clock.now());
        return;
      }
      this.ctx.clock.schedule(DRAIN_POLL_MS, { ...label, what: 'wait for pods to go' }, waitGone);
    };
    const moved = new Set(v.podsToMove);
    const waitGone = () => {
      const still = (this.pods.list() as PodObj[]).some((p) => p.spec?.nodeName === v.node && moved.has(`${p.metadata.namespace}/${p.metadata.name}`));
      if (still && this.ctx.clock.now() < deadline + MAX_POD_EVICTION_MS) this.ctx.clock.schedule(DRAIN_POLL_MS, { ...label, what: 'wait for pods to go' }, waitGone);
      else this.finishDeletion(v.node, true);
    };
    this.ctx.clock.schedule(0, label, evictRound);
  }

  /** Remove the taint of a deletion that failed. */
  private abort(node: string, now: number): void {
    const cur = this.nodes.get(undefined, node);
    const taints = (((cur?.spec as { taints?: unknown[] } | undefined)?.taints ?? []) as { key: string }[]).filter((t) => t.key !== TO_BE_DELETED_TAINT);
    if (cur) this.client({ verb: 'patch', group: '', version: 'v1', resource: 'nodes', name: node, contentType: 'application/merge-patch+json', body: { spec: { taints: taints.length ? taints : null } } });
    this.group.deleting.delete(node);
    this.drains--;
    this.lastScaleDownFail = now;
  }

  private finishDeletion(name: string, drained: boolean): void {
    const node = this.nodes.get(undefined, name);
    this.cloud.deleteMachine(name);
    // The cloud node lifecycle controller sees the instance gone and deletes the Node (cloud-provider/controllers/nodelifecycle).
    if (node) {
      this.ctx.recorder('cloud-node-lifecycle-controller').event(node, 'Normal', 'DeletingNode', `Deleting node ${name} because it does not exist in the cloud provider`);
      this.ctx.client('cloud-controller-manager')({ verb: 'delete', group: '', version: 'v1', resource: 'nodes', name });
    }
    if (drained) this.logEvent('ScaleDown', `Scale-down: node ${name} removed with drain`);
    else this.logEvent('ScaleDownEmpty', `Scale-down: empty node ${name} removed`);
    this.group.deleting.delete(name);
    this.unneededSince.delete(name);
    this.drains--;
    this.lastScaleDownDelete = this.ctx.clock.now();
  }

  /** LogEventRecorder: events on the status ConfigMap. */
  private logEvent(reason: string, message: string): void {
    if (this.statusMap) this.recorder.event(this.statusMap, 'Normal', reason, message);
  }

  /** isNodeStillStarting: registered, never Ready yet, within max-node-provision-time. */
  private starting(n: KubeObject, now: number): boolean {
    return !isReady(n) && !this.everReady.has(n.metadata.name!) && now - Date.parse(n.metadata.creationTimestamp ?? '') < MAX_NODE_STARTUP_MS;
  }

  private condition(key: string, status: string, now: number): { status: string; lastProbeTime: number; lastTransitionTime: number } {
    const prev = this.transitions.get(key);
    if (!prev || prev.status !== status) this.transitions.set(key, { status, at: now });
    return { status, lastProbeTime: now, lastTransitionTime: this.transitions.get(key)!.at };
  }

  private writeStatus(now: number, allNodes: readonly KubeObject[], groupNodes: readonly KubeObject[], target: number, unregistered: number, notStarted: number, d: AutoscalerDecision): void {
    const countsOf = (nodes: readonly KubeObject[], unreg: number): NodeCounts => {
      const ready = nodes.filter((n) => isReady(n) && !hasDeletionTaint(n)).length;
      const beingDeleted = nodes.filter(hasDeletionTaint).length;
      const young = nodes.filter((n) => this.starting(n, now)).length;
      const unready = nodes.length - ready - beingDeleted - young;
      return { registered: { total: nodes.length, ready, notStarted: young, beingDeleted, unready: { total: unready, resourceUnready: 0 } }, longUnregistered: 0, unregistered: unreg };
    };
    const candidates = Object.keys(d.scaleDown.unneededSince).length;
    const scaleUpStatus = unregistered + notStarted > 0 ? 'InProgress' : 'NoActivity';
    const scaleDownStatus = candidates > 0 ? 'CandidatesPresent' : 'NoCandidates';
    const status: AutoscalerStatus = {
      time: now,
      autoscalerStatus: 'Running',
      clusterWide: {
        health: { ...this.condition('cw.health', 'Healthy', now), nodeCounts: countsOf(allNodes, unregistered) },
        scaleUp: this.condition('cw.scaleUp', scaleUpStatus, now),
        scaleDown: { ...this.condition('cw.scaleDown', scaleDownStatus, now), candidates },
      },
      nodeGroups: [
        {
          name: this.group.id,
          health: { ...this.condition('ng.health', 'Healthy', now), nodeCounts: countsOf(groupNodes, unregistered), cloudProviderTarget: target, minSize: this.group.minSize, maxSize: this.group.maxSize },
          scaleUp: this.condition('ng.scaleUp', scaleUpStatus, now),
          scaleDown: { ...this.condition('ng.scaleDown', scaleDownStatus, now), candidates },
        },
      ],
    };
    this.writeConfigMap(statusText(status), now);
  }

  /** WriteStatusConfigMap: create once, then update data.status and the last-updated annotation. */
  private writeConfigMap(text: string, now: number): void {
    const annotations = { [LAST_UPDATED_ANNOTATION]: goTime(now) };
    if (this.statusMap) {
      const r = this.client({ verb: 'patch', group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: STATUS_CONFIG_MAP, contentType: 'application/merge-patch+json', body: { metadata: { annotations }, data: { status: text } } });
      if (r.status === 200) {
        this.statusMap = r.body as KubeObject;
        return;
      }
    }
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: STATUS_CONFIG_MAP, namespace: 'kube-system', annotations }, data: { status: text } };
    let r = this.client({ verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', body });
    if (r.status === 409) r = this.client({ verb: 'patch', group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: STATUS_CONFIG_MAP, contentType: 'application/merge-patch+json', body: { metadata: { annotations }, data: { status: text } } });
    if (r.status < 300) this.statusMap = r.body as KubeObject;
  }
}
