/**
 * The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go):
 * - every 5 s (nodeMonitorPeriod) checks each node's Lease and Ready
 *   heartbeat; after 40 s of silence (nodeMonitorGracePeriod) the node's
 *   conditions become Unknown, its pods NotReady, and it is queued for the
 *   `unreachable` (or `not-ready`) NoExecute taint, rate-limited per zone;
 * - keeps the NoSchedule taints in step with node conditions and
 *   spec.unschedulable (TaintNodesByCondition);
 * - removes the NoExecute taints when the node is Ready again.
 * Pods are evicted from NoExecute-tainted nodes by the taint eviction controller.
 */
import { CORE } from '../../client/factory';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { Task } from '../../clock/clock';
import type { KubeObject } from '../../api/object';
import { clone } from '../../api/object';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import { decideNodeHealth, type NodeHealth } from './nodeHealth';
import { PodsByNode, nodeNameOf } from './podsByNode';
import { RateLimitedTimedQueue, type TimedValue } from './rateLimitedQueue';
import {
  NOT_READY_NO_EXECUTE,
  removeTaintsOffNode,
  swapNodeControllerTaint,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  taintExists,
  taintsOf,
  UNREACHABLE_NO_EXECUTE,
  type NodeCondition,
  type NodeObj,
  type Taint,
} from './taints';
import { computeZoneState, EVICTION_QPS, excludedFromDisruption, zoneKey, zoneQps, type ZoneState } from './zones';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** The event source upstream's node lifecycle controller records as. */
export const NODE_CONTROLLER_SOURCE = 'node-controller';

export interface NodeLifecycleOptions {
  /** --node-monitor-period. */
  monitorPeriodMs?: number;
  /** --node-monitor-grace-period. */
  monitorGracePeriodMs?: number;
  /** --node-startup-grace-period. */
  startupGracePeriodMs?: number;
}

/** scheduler.NodeEvictionPeriod: how often the NoExecute tainting queue is looked at. */
const EVICTION_PERIOD_MS = 100;
/** scheduler.NodeHealthUpdateRetry. */
const HEALTH_UPDATE_RETRIES = 5;

/** nodeConditionToTaintKeyStatusMap. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

type PodObj = KubeObject & { status?: { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: string | null }[] } };

export class NodeLifecycleController {
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer<NodeObj>;
  private readonly leases: Informer<KubeObject>;
  private readonly podIndex: PodsByNode;
  private readonly pods: Informer<KubeObject>;
  private readonly nodeUpdateQueue: WorkQueue;
  private readonly podUpdateQueue: WorkQueue;
  /** nodeHealthMap. */
  readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, NodeObj>();
  private readonly nodesToRetry = new Set<string>();
  private readonly tainters = new Map<string, RateLimitedTimedQueue>();
  readonly zoneStates = new Map<string, ZoneState>();
  private taintingTask: Task | null = null;
  private readonly monitorPeriod: number;
  private readonly monitorGrace: number;
  private readonly startupGrace: number;

  constructor(
    private readonly ctx: ComponentContext,
    opts: NodeLifecycleOptions = {},
  ) {
    this.monitorPeriod = opts.monitorPeriodMs ?? 5_000;
    this.monitorGrace = opts.monitorGracePeriodMs ?? 40_000;
    this.startupGrace = opts.startupGracePeriodMs ?? 60_000;
    this.api = ctx.client(NODE_LIFECYCLE_CONTROLLER);
    this.recorder = ctx.recorder(NODE_CONTROLLER_SOURCE);
    this.nodes = ctx.informers.for<NodeObj>(CORE('nodes'));
    this.pods = ctx.informers.for(CORE('pods'));
    this.leases = ctx.informers.for({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases' });
    this.podIndex = PodsByNode.of(this.pods);
    this.nodeUpdateQueue = new WorkQueue(ctx.clock, (k) => this.syncNodeTaints(k), { component: NODE_LIFECYCLE_CONTROLLER, what: 'taint by condition' });
    this.podUpdateQueue = new WorkQueue(ctx.clock, (k) => this.processPod(k), { component: NODE_LIFECYCLE_CONTROLLER, what: 'pod on not-ready node' });
    this.nodes.addEventHandler({
      add: (n) => this.nodeUpdateQueue.add(n.metadata.name!),
      update: (_o, n) => this.nodeUpdateQueue.add(n.metadata.name!),
      delete: (n) => this.nodesToRetry.delete(n.metadata.name!),
    });
    this.pods.addEventHandler({
      add: (p) => this.podUpdated(undefined, p),
      update: (o, p) => this.podUpdated(o, p),
    });
    this.scheduleMonitor(this.monitorPeriod);
  }

  private scheduleMonitor(delay: number): void {
    this.ctx.clock.schedule(delay, { component: NODE_LIFECYCLE_CONTROLLER, key: 'nodes', what: 'monitor node health' }, () => {
      this.monitorNodeHealth();
      this.scheduleMonitor(this.monitorPeriod);
    });
  }

  /** A pod newly bound to a node that is not Ready is marked NotReady too. */
  private podUpdated(old: KubeObject | undefined, pod: KubeObject): void {
    const node = nodeNameOf(pod);
    if (!node || (old && nodeNameOf(old) === node)) return;
    // Only pods on unhealthy nodes have anything to do (processPod would return at once otherwise).
    const ready = this.health.get(node)?.ready;
    if (!ready || ready.status === 'True') return;
    this.podUpdateQueue.add(keyOf(pod));
  }

  private processPod(key: string): SyncResult {
    const pod = this.pods.getByKey(key);
    if (!pod) return;
    const nodeName = nodeNameOf(pod);
    const health = this.health.get(nodeName);
    if (!health) return;
    if (!this.nodes.get(undefined, nodeName)) return { error: `failed to read node ${nodeName}` };
    if (!health.ready || health.ready.status === 'True') return;
    const err = this.markPodsNotReady([pod], nodeName);
    if (err) return { error: err };
  }

  // ---- NoSchedule taints from conditions (doNoScheduleTaintingPass) ----

  private syncNodeTaints(name: string): SyncResult {
    const node = this.nodes.get(undefined, name);
    if (!node) return;
    const want: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) want.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    const have = taintsOf(node).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
    const toAdd = want.filter((t) => !taintExists(have, t));
    const toDel = have.filter((t) => !taintExists(want, t));
    if (toAdd.length === 0 && toDel.length === 0) return;
    if (!swapNodeControllerTaint(this.api, this.ctx.clock.timestamp(), toAdd, toDel, node)) return { error: `failed to swap taints of node ${name}` };
  }

  // ---- health monitoring ----

  private tainter(zone: string): RateLimitedTimedQueue {
    let q = this.tainters.get(zone);
    if (!q) {
      this.tainters.set(zone, (q = new RateLimitedTimedQueue(EVICTION_QPS, this.ctx.clock.now())));
      this.zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  private nodeEvent(node: NodeObj, reason: string, message: string): void {
    this.recorder.event({ apiVersion: 'v1', kind: 'Node', metadata: { name: node.metadata.name, uid: node.metadata.uid } }, 'Normal', reason, message);
  }

  monitorNodeHealth(): void {
    const nodes = this.nodes.list();
    const present = new Set(nodes.map((n) => n.metadata.name!));
    for (const node of nodes) {
      const name = node.metadata.name!;
      if (this.known.has(name)) continue;
      this.nodeEvent(node, 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
      this.known.set(name, node);
      this.tainter(zoneKey(node));
      this.markNodeAsReachable(node);
    }
    for (const [name, node] of this.known) {
      if (present.has(name)) continue;
      this.nodeEvent(node, 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
      this.known.delete(name);
    }

    const zoneConditions = new Map<string, (NodeCondition | undefined)[]>();
    for (const listed of nodes) {
      let node = listed;
      let result = this.tryUpdateNodeHealth(node);
      for (let i = 1; i < HEALTH_UPDATE_RETRIES && 'error' in result; i++) {
        const r = this.api({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: node.metadata.name });
        if (apiError(r)) break;
        node = r.body as NodeObj;
        result = this.tryUpdateNodeHealth(node);
      }
      if ('error' in result) continue;
      const { observed, current } = result;
      const name = node.metadata.name!;
      const zone = zoneKey(node);
      if (!excludedFromDisruption(node)) {
        let list = zoneConditions.get(zone);
        if (!list) zoneConditions.set(zone, (list = []));
        list.push(current);
      }
      if (current) {
        this.processTaintBaseEviction(node, observed);
        const needsRetry = this.nodesToRetry.has(name);
        let mark = false;
        if (current.status !== 'True' && observed.status === 'True') {
          this.nodeEvent(node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
          mark = true;
        } else if (needsRetry && observed.status !== 'True') mark = true;
        if (mark && this.markPodsNotReady(this.podIndex.pods(name), name)) {
          this.nodesToRetry.add(name);
          continue;
        }
      }
      this.nodesToRetry.delete(name);
    }
    this.handleDisruption(zoneConditions, nodes);
    this.scheduleTaintingPass();
  }

  private tryUpdateNodeHealth(node: NodeObj): { observed: NodeCondition; current: NodeCondition | undefined } | { error: string } {
    const name = node.metadata.name!;
    const lease = this.leases.get('kube-node-lease', name);
    const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    const renewMs = renew ? Date.parse(renew) : undefined;
    const d = decideNodeHealth({
      node,
      saved: this.health.get(name),
      leaseRenewTime: renewMs !== undefined && Number.isFinite(renewMs) ? renewMs : undefined,
      now: this.ctx.clock.now(),
      nowTimestamp: this.ctx.clock.timestamp(),
      monitorGraceMs: this.monitorGrace,
      startupGraceMs: this.startupGrace,
    });
    if (d.newConditions) {
      const body = { ...node, status: { ...(node.status ?? {}), conditions: d.newConditions } };
      const r = this.api({ verb: 'update', group: '', version: 'v1', resource: 'nodes', name, subresource: 'status', body });
      const err = apiError(r);
      if (err) {
        this.health.set(name, d.healthIfWriteFails!);
        return { error: err.message };
      }
    }
    this.health.set(name, d.health);
    return { observed: d.observed, current: d.current };
  }

  /** MarkPodsNotReady: Ready=False on each pod of the node that has a Ready condition, with a NodeNotReady event. */
  private markPodsNotReady(pods: KubeObject[], nodeName: string): string | undefined {
    const errs: string[] = [];
    const podRecorder = this.recorder;
    for (const p of pods) {
      if (nodeNameOf(p) !== nodeName) continue;
      const pod = clone(p) as PodObj;
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!cond || cond.status === 'False') continue;
      cond.status = 'False';
      cond.lastTransitionTime = this.ctx.clock.timestamp();
      const r = this.api({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'status', body: pod });
      const err = apiError(r);
      if (isNotFound(err)) continue;
      if (err) errs.push(err.message);
      podRecorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
    if (errs.length === 0) return undefined;
    return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  }

  private processTaintBaseEviction(node: NodeObj, observed: NodeCondition): void {
    const taints = taintsOf(node);
    const now = this.ctx.clock.timestamp();
    switch (observed.status) {
      case 'False':
        // Already unreachable: swap to not-ready at once, outside the rate limit.
        if (taintExists(taints, UNREACHABLE_NO_EXECUTE)) swapNodeControllerTaint(this.api, now, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE], node);
        else this.markNodeForTainting(node, 'False');
        break;
      case 'Unknown':
        if (taintExists(taints, NOT_READY_NO_EXECUTE)) swapNodeControllerTaint(this.api, now, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE], node);
        else this.markNodeForTainting(node, 'Unknown');
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  private markNodeForTainting(node: NodeObj, status: 'False' | 'Unknown'): boolean {
    const q = this.tainter(zoneKey(node));
    const name = node.metadata.name!;
    const template = status === 'False' ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
    if (!taintExists(taintsOf(node), template)) q.remove(name);
    return q.add(name, node.metadata.uid ?? '', this.ctx.clock.now());
  }

  private markNodeAsReachable(node: NodeObj): boolean {
    const name = node.metadata.name!;
    if (removeTaintsOffNode(this.api, name, node, [UNREACHABLE_NO_EXECUTE])) return false;
    if (removeTaintsOffNode(this.api, name, node, [NOT_READY_NO_EXECUTE])) return false;
    return this.tainter(zoneKey(node)).remove(name);
  }

  private handleDisruption(zoneConditions: Map<string, (NodeCondition | undefined)[]>, nodes: NodeObj[]): void {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conds] of zoneConditions) {
      const { state } = computeZoneState(conds);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.zoneStates]) {
      if (!zoneConditions.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    const now = this.ctx.clock.now();
    if (allAreFullyDisrupted) {
      // The control plane has lost every node at once: assume the fault is ours and evict nothing.
      for (const n of nodes) this.markNodeAsReachable(n);
      for (const zone of this.zoneStates.keys()) {
        this.tainter(zone).swapLimiter(0, now);
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    if (allWasFullyDisrupted) {
      // Back from full disruption: every node gets a fresh grace period.
      for (const n of nodes) {
        const h = this.health.get(n.metadata.name!);
        if (h) this.health.set(n.metadata.name!, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
      for (const zone of this.zoneStates.keys()) {
        const st = newStates.get(zone)!;
        this.tainter(zone).swapLimiter(zoneQps(st, zoneConditions.get(zone)?.length ?? 0), now);
        this.zoneStates.set(zone, st);
      }
      return;
    }
    for (const [zone, state] of this.zoneStates) {
      const st = newStates.get(zone)!;
      if (st === state) continue;
      this.tainter(zone).swapLimiter(zoneQps(st, zoneConditions.get(zone)?.length ?? 0), now);
      this.zoneStates.set(zone, st);
    }
  }

  // ---- NoExecute tainting (doNoExecuteTaintingPass) ----

  private scheduleTaintingPass(): void {
    const now = this.ctx.clock.now();
    let next: number | undefined;
    for (const q of this.tainters.values()) {
      const d = q.nextDelay(now);
      if (d !== undefined && (next === undefined || d < next)) next = d;
    }
    if (next === undefined) return;
    const at = now + Math.max(next, EVICTION_PERIOD_MS);
    if (this.taintingTask && !this.taintingTask.cancelled && this.taintingTask.at <= at) return;
    this.ctx.clock.cancel(this.taintingTask);
    this.taintingTask = this.ctx.clock.schedule(at - now, { component: NODE_LIFECYCLE_CONTROLLER, key: 'nodes', what: 'taint unresponsive nodes' }, () => {
      this.taintingTask = null;
      this.doNoExecuteTaintingPass();
      this.scheduleTaintingPass();
    });
  }

  private doNoExecuteTaintingPass(): void {
    const now = this.ctx.clock.now();
    for (const zone of [...this.tainters.keys()].sort()) {
      this.tainters.get(zone)!.try(now, (v) => this.taintOne(v));
    }
  }

  private taintOne(v: TimedValue): true | number {
    const node = this.nodes.get(undefined, v.value);
    if (!node) return true;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready) return 50;
    // Mirror the Ready condition: unreachable and not-ready exclude each other.
    let add: Taint;
    let opposite: Taint;
    if (ready.status === 'False') [add, opposite] = [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE];
    else if (ready.status === 'Unknown') [add, opposite] = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
    else return true;
    return swapNodeControllerTaint(this.api, this.ctx.clock.timestamp(), [add], [opposite], node) ? true : 0;
  }
}

export function startNodeLifecycleController(ctx: ComponentContext, opts?: NodeLifecycleOptions): NodeLifecycleController {
  return new NodeLifecycleController(ctx, opts);
}
