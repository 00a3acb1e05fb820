/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go):
 * pods on a node with NoExecute taints they do not tolerate are deleted at
 * once; pods tolerating them for N seconds are deleted N seconds after the
 * taint was seen; a toleration without tolerationSeconds keeps the pod.
 * Each pending deletion is a timer on the virtual clock (TimedWorkerQueue);
 * removing the taint, or the pod, cancels it.
 */
import { CORE } from '../../client/factory';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { Task } from '../../clock/clock';
import { jsonEqual, type KubeObject } from '../../api/object';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import { PodsByNode, nodeNameOf } from './podsByNode';
import { matchingTolerations, taintsOf, type NodeObj, type Taint, type Toleration } from './taints';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
/** Attempts at condition + delete before giving up (retries in deletePodHandler). */
const DELETE_RETRIES = 5;

interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
  task: Task;
}

const tolerationsOf = (pod: KubeObject): Toleration[] => (pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ?? [];
const noExecute = (taints: Taint[]) => taints.filter((t) => t.effect === 'NoExecute');

/** getMinTolerationTime: ms, or -1 for "forever". */
function minTolerationMs(used: Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

export class TaintEvictionController {
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer<NodeObj>;
  private readonly pods: Informer<KubeObject>;
  private readonly podIndex: PodsByNode;
  private readonly nodeQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  /** NoExecute taints of each tainted node (taintedNodes). */
  private readonly tainted = new Map<string, Taint[]>();
  /** Pending deletions by pod key (the TimedWorkerQueue). */
  readonly scheduled = new Map<string, ScheduledEviction>();

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(TAINT_EVICTION_CONTROLLER);
    this.recorder = ctx.recorder(TAINT_EVICTION_CONTROLLER);
    this.nodes = ctx.informers.for<NodeObj>(CORE('nodes'));
    this.pods = ctx.informers.for(CORE('pods'));
    this.podIndex = PodsByNode.of(this.pods);
    this.nodeQueue = new WorkQueue(ctx.clock, (k) => this.handleNodeUpdate(k), { component: TAINT_EVICTION_CONTROLLER, what: 'node taints changed' });
    this.podQueue = new WorkQueue(ctx.clock, (k) => this.handlePodUpdate(k), { component: TAINT_EVICTION_CONTROLLER, what: 'pod update' });
    this.nodes.addEventHandler({
      add: (n) => this.nodeUpdated(undefined, n),
      update: (o, n) => this.nodeUpdated(o, n),
      delete: (n) => this.nodeQueue.add(n.metadata.name!),
    });
    this.pods.addEventHandler({
      add: (p) => this.podUpdated(undefined, p),
      update: (o, p) => this.podUpdated(o, p),
      delete: (p) => this.podDeleted(p),
    });
  }

  private nodeUpdated(old: NodeObj | undefined, node: NodeObj): void {
    const before = old ? noExecute(taintsOf(old)) : [];
    const after = noExecute(taintsOf(node));
    if (old && sameTaints(before, after)) return;
    this.nodeQueue.add(node.metadata.name!);
  }

  private podUpdated(old: KubeObject | undefined, pod: KubeObject): void {
    const node = nodeNameOf(pod);
    if (old && nodeNameOf(old) === node && jsonEqual(tolerationsOf(old), tolerationsOf(pod))) return;
    // Pods on untainted nodes have nothing to do (handlePodUpdate returns at once for them).
    if (!node || !this.tainted.has(node)) {
      if (!this.scheduled.has(keyOf(pod))) return;
    }
    this.podQueue.add(keyOf(pod));
  }

  private podDeleted(pod: KubeObject): void {
    if (this.scheduled.has(keyOf(pod))) this.podQueue.add(keyOf(pod));
  }

  private handleNodeUpdate(name: string): SyncResult {
    const node = this.nodes.get(undefined, name);
    if (!node) {
      this.tainted.delete(name);
      return;
    }
    const taints = noExecute(taintsOf(node));
    if (taints.length === 0) this.tainted.delete(name);
    else this.tainted.set(name, taints);
    const pods = this.podIndex.pods(name);
    if (pods.length === 0) return;
    if (taints.length === 0) {
      for (const p of pods) this.cancelWithEvent(keyOf(p));
      return;
    }
    const now = this.ctx.clock.now();
    for (const p of pods) this.processPodOnNode(keyOf(p), tolerationsOf(p), taints, now);
  }

  private handlePodUpdate(key: string): SyncResult {
    const pod = this.pods.getByKey(key);
    if (!pod) {
      this.cancelWithEvent(key);
      return;
    }
    const node = nodeNameOf(pod);
    if (!node) return;
    const taints = this.tainted.get(node);
    // The node lost its taints (or went away): that already cancelled what was pending.
    if (!taints) return;
    this.processPodOnNode(key, tolerationsOf(pod), taints, this.ctx.clock.now());
  }

  private processPodOnNode(key: string, tolerations: Toleration[], taints: Taint[], now: number): void {
    if (taints.length === 0) this.cancelWithEvent(key);
    const { all, used } = matchingTolerations(taints, tolerations);
    if (!all) {
      // Not tolerated: delete right away (replacing any later deletion).
      this.cancelWithEvent(key);
      this.schedule(key, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancelWithEvent(key);
      return;
    }
    let start = now;
    const existing = this.scheduled.get(key);
    if (existing) {
      start = existing.createdAt;
      // Keep an earlier deletion already scheduled.
      if (start + min < now + min) return;
      this.cancelWithEvent(key);
    }
    this.schedule(key, start, now + min);
  }

  private schedule(key: string, createdAt: number, fireAt: number): void {
    const delay = Math.max(0, fireAt - this.ctx.clock.now());
    const task = this.ctx.clock.schedule(delay, { component: TAINT_EVICTION_CONTROLLER, key, what: 'evict pod' }, () => this.evict(key));
    this.scheduled.set(key, { createdAt, fireAt, task });
  }

  private cancelWithEvent(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    this.ctx.clock.cancel(s.task);
    this.scheduled.delete(key);
    this.podEvent(key, `Cancelling deletion of Pod ${key}`);
  }

  private podEvent(key: string, message: string): void {
    const { namespace, name } = splitKey(key);
    this.recorder.event({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } }, 'Normal', 'TaintManagerEviction', message);
  }

  /** deletePodHandler: event, then the DisruptionTarget condition and the delete. */
  private evict(key: string): void {
    this.scheduled.delete(key);
    this.podEvent(key, `Marking for deletion Pod ${key}`);
    for (let i = 0; i < DELETE_RETRIES; i++) {
      if (this.addConditionAndDeletePod(key) === undefined) return;
    }
  }

  private addConditionAndDeletePod(key: string): string | undefined {
    const { namespace, name } = splitKey(key);
    const r = this.api({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
    const gerr = apiError(r);
    if (isNotFound(gerr)) return undefined;
    if (gerr) return gerr.message;
    const pod = r.body as KubeObject & { status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] } };
    const conds = pod.status?.conditions ?? [];
    const existing = conds.find((c) => c.type === 'DisruptionTarget');
    const want = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
    if (!existing || existing.status !== want.status || existing.reason !== want.reason || existing.message !== want.message) {
      const ts = this.ctx.clock.timestamp();
      const cond = { ...want, lastProbeTime: null, lastTransitionTime: existing && existing.status === want.status ? (existing as { lastTransitionTime?: string }).lastTransitionTime : ts };
      const p = this.api({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace,
        name,
        subresource: 'status',
        contentType: 'application/strategic-merge-patch+json',
        body: { metadata: { uid: pod.metadata.uid }, status: { conditions: [cond] } },
      });
      const perr = apiError(p);
      if (isNotFound(perr)) return undefined;
      if (perr) return perr.message;
    }
    const d = this.api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace, name });
    const derr = apiError(d);
    return derr && !isNotFound(derr) ? derr.message : undefined;
  }
}

function sameTaints(a: Taint[], b: Taint[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((t, i) => t.key === b[i].key && (t.value ?? '') === (b[i].value ?? '') && t.effect === b[i].effect);
}

export function startTaintEvictionController(ctx: ComponentContext): TaintEvictionController {
  return new TaintEvictionController(ctx);
}
