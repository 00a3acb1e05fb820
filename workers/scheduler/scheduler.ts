/**
 * kube-scheduler (pkg/scheduler/scheduler.go, schedule_one.go,
 * eventhandlers.go): informers feed the cache and the queue; each attempt
 * to place a pod is one labelled clock task that pops the queue's head,
 * searches for a node, assumes and binds the pod, or records why it cannot
 * (FailedScheduling event, PodScheduled=False) and, if preemption made room,
 * nominates a node.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Task } from '../clock/clock';
import type { KubeObject } from '../api/object';
import type { ComponentContext } from '../controllers/context';
import type { Informer, ResourceRef } from '../client/informer';
import { CORE } from '../client/factory';
import { SchedulerCache } from './cache';
import { Framework } from './framework';
import { SchedulingQueue, SCHEDULER_COMPONENT } from './queue';
import { PodNominator } from './nominator';
import { Algorithm } from './algorithm';
import { DecisionLog, type Decision } from './decisions';
import { newPodInfo, podKey, refreshPodInfo, type PodInfo } from './podInfo';
import { fitErrorMessage, NodeToStatus } from './nodeToStatus';
import { DEFAULT_PROFILE, DEFAULT_SCHEDULER_NAME, type ProfilePlugin } from './registry';
import { CycleState, type ClusterEvent, type Handle, type ListerName, type QueuedPodInfo } from './types';
import { isRejected, isSuccess, statusMessage, type Status } from './status';

export interface SchedulerOptions {
  schedulerName?: string;
  profile?: readonly ProfilePlugin[];
  /** KubeSchedulerConfiguration.percentageOfNodesToScore; 0 is adaptive. */
  percentageOfNodesToScore?: number;
}

const REFS: Record<ListerName, ResourceRef> = {
  pods: CORE('pods'),
  nodes: CORE('nodes'),
  namespaces: CORE('namespaces'),
  services: CORE('services'),
  replicationcontrollers: CORE('replicationcontrollers'),
  persistentvolumeclaims: CORE('persistentvolumeclaims'),
  persistentvolumes: CORE('persistentvolumes'),
  replicasets: { group: 'apps', version: 'v1', resource: 'replicasets' },
  statefulsets: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  storageclasses: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
  poddisruptionbudgets: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' },
};

const NONE: readonly PodInfo[] = [];

/** noteLengthLimit for event messages. */
const NOTE_LENGTH_LIMIT = 1024;

function truncateMessage(m: string): string {
  return m.length <= NOTE_LENGTH_LIMIT ? m : `${m.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

function isTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly nominator = new PodNominator();
  readonly framework: Framework;
  readonly queue: SchedulingQueue;
  readonly schedulerName: string;
  private readonly algorithm: Algorithm;
  private readonly decisions = new DecisionLog();
  private readonly pods: Informer<KubeObject>;
  private readonly handle: Handle;
  private task: Task | null = null;

  constructor(
    private readonly ctx: ComponentContext,
    opts: SchedulerOptions = {},
  ) {
    this.schedulerName = opts.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    const informers = new Map<ListerName, Informer<KubeObject>>();
    const informer = (name: ListerName) => {
      let inf = informers.get(name);
      if (!inf) informers.set(name, (inf = ctx.informers.for(REFS[name])));
      return inf;
    };
    const cache = this.cache;
    this.handle = {
      snapshot: {
        list: () => cache.list(),
        get: (n) => cache.get(n),
        havePodsWithAffinity: () => cache.havePodsWithAffinity(),
        havePodsWithRequiredAntiAffinity: () => cache.havePodsWithRequiredAntiAffinity(),
        hasImages: () => cache.hasImages(),
      },
      informer,
      framework: {
        runFilterPluginsWithNominatedPods: () => null,
        runPreFilterAddPod: () => {},
        runPreFilterRemovePod: () => {},
      },
      nominator: this.nominator,
      client: ctx.client(SCHEDULER_COMPONENT),
      recorder: ctx.recorder(this.schedulerName),
      rng: ctx.rng.fork(),
      clock: ctx.clock,
      schedulerName: this.schedulerName,
    };
    this.framework = new Framework(this.handle, opts.profile ?? DEFAULT_PROFILE);
    this.framework.nominatedFor = (node) => (this.nominator.empty ? NONE : this.nominator.nominatedPodsForNode(node.name));
    this.framework.hasNominatedPods = () => !this.nominator.empty;
    this.queue = new SchedulingQueue(ctx.clock, this.framework);
    this.queue.onActiveChange = () => this.kick();
    this.algorithm = new Algorithm(cache, this.framework, this.handle.rng, opts.percentageOfNodesToScore ?? 0);
    this.pods = informer('pods');
    this.watch(informer);
  }

  /** The most recent attempt to place a pod: per-node filter verdicts and scores. */
  lastDecision(namespace: string, name: string): Decision | undefined {
    return this.decisions.get(`${namespace}/${name}`);
  }

  private responsible(p: Pod): boolean {
    return (p.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === this.schedulerName;
  }

  private watch(informer: (n: ListerName) => Informer<KubeObject>): void {
    const q = this.queue;
    informer('nodes').addEventHandler({
      add: (n) => {
        this.cache.addNode(n);
        q.onEvent('NodeAdd');
      },
      update: (old, n) => {
        this.cache.updateNode(n);
        if (nodeSchedulingPropertiesChanged(old, n)) q.onEvent('NodeUpdate');
      },
      delete: (n) => this.cache.removeNode(n),
    });
    informer('pods').addEventHandler({
      add: (p) => this.onPodAdd(p),
      update: (old, p) => this.onPodUpdate(old, p),
      delete: (p) => this.onPodDelete(p),
    });
    const moveOn = (e: ClusterEvent) => () => q.onEvent(e);
    informer('persistentvolumeclaims').addEventHandler({ add: moveOn('PersistentVolumeClaimChange'), update: moveOn('PersistentVolumeClaimChange') });
    informer('persistentvolumes').addEventHandler({ add: moveOn('PersistentVolumeChange'), update: moveOn('PersistentVolumeChange') });
    informer('storageclasses').addEventHandler({ add: moveOn('StorageClassAdd') });
    informer('namespaces').addEventHandler({ update: moveOn('NamespaceChange') });
    for (const name of ['services', 'replicationcontrollers', 'replicasets', 'statefulsets', 'poddisruptionbudgets'] as const) informer(name);
  }

  private onPodAdd(obj: KubeObject): void {
    const p = obj as Pod & KubeObject;
    if (p.spec?.nodeName) {
      if (isTerminal(p)) return;
      this.nominator.delete(podKey(p));
      this.cache.addPod(newPodInfo(p));
      this.queue.onEvent('AssignedPodAdd');
      return;
    }
    if (!this.responsible(p)) return;
    const info = newPodInfo(p);
    this.nominator.add(info);
    this.queue.add(info);
  }

  private onPodUpdate(oldObj: KubeObject, obj: KubeObject): void {
    const p = obj as Pod & KubeObject;
    const old = oldObj as Pod & KubeObject;
    const key = podKey(p);
    if (p.spec?.nodeName) {
      if (!old.spec?.nodeName) {
        // Bound: it leaves the queue and joins the cache (confirming the assumed copy).
        this.queue.delete(key);
        this.nominator.delete(key);
        if (!isTerminal(p)) this.cache.addPod(refreshPodInfo(this.cache.podInfo(key), p));
        this.queue.onEvent('AssignedPodAdd');
        return;
      }
      if (isTerminal(p)) {
        if (!isTerminal(old)) {
          this.cache.removePod(key);
          this.queue.onEvent('AssignedPodDelete');
        }
        return;
      }
      this.cache.updatePod(refreshPodInfo(this.cache.podInfo(key), p));
      this.queue.onEvent('AssignedPodUpdate');
      return;
    }
    if (!this.responsible(p) || old.metadata.resourceVersion === p.metadata.resourceVersion) return;
    if (this.cache.isAssumed(key)) return;
    const info = newPodInfo(p);
    this.nominator.update(info);
    this.queue.update(old, info);
  }

  private onPodDelete(obj: KubeObject): void {
    const p = obj as Pod & KubeObject;
    const key = podKey(p);
    this.decisions.forget(key);
    if (p.spec?.nodeName || this.cache.nodeOf(key) !== undefined) {
      this.cache.removePod(key);
      this.queue.onEvent('AssignedPodDelete');
      return;
    }
    this.queue.delete(key);
    this.nominator.delete(key);
  }

  /** Keep one pending task, labelled with the pod at the head of activeQ. */
  private kick(): void {
    const head = this.queue.peek();
    if (this.task && !this.task.cancelled && head && this.task.key === head.info.key) return;
    this.ctx.clock.cancel(this.task);
    this.task = null;
    if (!head) return;
    this.task = this.ctx.clock.schedule(0, { component: SCHEDULER_COMPONENT, key: head.info.key, what: 'schedule' }, () => {
      this.task = null;
      this.scheduleOne();
    });
  }

  /** scheduleOne: one attempt for the pod at the head of the queue. */
  scheduleOne(): void {
    const q = this.queue.pop();
    if (!q) return;
    const key = q.info.key;
    const latest = this.pods.get(q.info.namespace, q.info.name) as (Pod & KubeObject) | undefined;
    // skipPodSchedule: deleted, being deleted, or already placed meanwhile.
    if (!latest || latest.metadata.deletionTimestamp || latest.spec?.nodeName || this.cache.isAssumed(key)) {
      this.queue.done(key);
      return;
    }
    if (latest !== q.info.pod) q.info = newPodInfo(latest);
    const pod = q.info;
    const state = new CycleState();
    const out = this.algorithm.schedulePod(state, pod);
    const nodes = this.cache.list();
    if (out.kind === 'scheduled') {
      this.decisions.record(key, out.host, out.diagnosis.statuses, nodes, out.scored);
      this.bind(q, out.host, state);
      return;
    }
    if (out.kind === 'error') {
      this.decisions.record(key, undefined, new NodeToStatus(), nodes);
      q.unschedulablePlugins = new Set();
      this.handleFailure(q, isRejected(out.status) ? 'Unschedulable' : 'SchedulerError', statusMessage(out.status));
      return;
    }
    const d = out.diagnosis;
    this.decisions.record(key, undefined, d.statuses, nodes);
    q.unschedulablePlugins = d.unschedulablePlugins;
    let nominated: string | undefined;
    if (this.framework.postFilter.length) {
      const r = this.framework.runPostFilterPlugins(state, pod, d.statuses);
      d.postFilterMsg = statusMessage(r.status);
      nominated = r.result?.nominatedNodeName;
    }
    this.handleFailure(q, 'Unschedulable', fitErrorMessage(out.numAllNodes, d), nominated);
  }

  /**
   * assume → Reserve → PreBind (which may finish in a later task, e.g.
   * waiting for volumes to bind) → bind, or unreserve, forget and retry.
   */
  private bind(q: QueuedPodInfo, host: string, state: CycleState): void {
    const pod = q.info;
    this.cache.assumePod(pod, host);
    this.nominator.delete(pod.key);
    const fw = this.framework;
    if (fw.reserve.length === 0 && fw.preBind.length === 0) return this.bindPod(q, host, state);
    const reserved = fw.runReservePlugins(state, pod, host);
    if (!isSuccess(reserved)) return this.bindingFailed(q, host, state, reserved!);
    fw.runPreBindPlugins(state, pod, host, (s) => (isSuccess(s) ? this.bindPod(q, host, state) : this.bindingFailed(q, host, state, s!)));
  }

  /** handleBindingCycleError: give back what was reserved and assumed, then retry. */
  private bindingFailed(q: QueuedPodInfo, host: string, state: CycleState, s: Status): void {
    this.framework.runUnreservePlugins(state, q.info, host);
    this.cache.forgetPod(q.info.key);
    q.unschedulablePlugins = new Set();
    this.handleFailure(q, isRejected(s) ? 'Unschedulable' : 'SchedulerError', statusMessage(s));
  }

  /** DefaultBinder: POST pods/binding → Scheduled event. */
  private bindPod(q: QueuedPodInfo, host: string, state: CycleState): void {
    const pod = q.info;
    const r = this.handle.client({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      subresource: 'binding',
      namespace: pod.namespace,
      name: pod.name,
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid }, target: { kind: 'Node', name: host } },
    });
    if (r.status >= 400) {
      const msg = (r.body as { message?: string } | undefined)?.message ?? `binding failed with status ${r.status}`;
      this.bindingFailed(q, host, state, { code: 'Error', reasons: [`Binding rejected: ${msg}`] });
      return;
    }
    this.queue.done(pod.key);
    this.handle.recorder.event(pod.pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${host}`);
  }

  /**
   * handleSchedulingFailure: back to the queue, a FailedScheduling event, and
   * the PodScheduled=False condition (plus nominatedNodeName) via pods/status.
   */
  private handleFailure(q: QueuedPodInfo, reason: string, message: string, nominated?: string): void {
    const latest = this.pods.get(q.info.namespace, q.info.name) as (Pod & KubeObject) | undefined;
    if (!latest || latest.spec?.nodeName) {
      this.queue.done(q.info.key);
      return;
    }
    if (latest !== q.info.pod) q.info = newPodInfo(latest);
    this.queue.addUnschedulable(q);
    if (nominated !== undefined) this.nominator.add(q.info, nominated);
    this.handle.recorder.event(latest, 'Warning', 'FailedScheduling', truncateMessage(message));
    this.updatePod(latest, reason, message, nominated);
  }

  /** updatePod: patch pods/status only when the condition or the nomination changes. */
  private updatePod(pod: Pod & KubeObject, reason: string, message: string, nominated?: string): void {
    const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const condChanged = !cur || cur.status !== 'False' || cur.reason !== reason || cur.message !== message;
    const nnnChanged = nominated !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominated;
    if (!condChanged && !nnnChanged) return;
    const status: Record<string, unknown> = {};
    if (condChanged) {
      status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          lastTransitionTime: cur && cur.status === 'False' ? cur.lastTransitionTime : this.ctx.clock.timestamp(),
          reason,
          message,
        },
      ];
    }
    if (nnnChanged) status.nominatedNodeName = nominated || null;
    this.handle.client({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'pods',
      subresource: 'status',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      contentType: 'application/strategic-merge-patch+json',
      body: { status },
    });
  }
}

/** nodeSchedulingPropertiesChange: only these node changes can help a waiting pod. */
function nodeSchedulingPropertiesChanged(a: KubeObject, b: KubeObject): boolean {
  const x = a as { spec?: Record<string, unknown>; status?: Record<string, unknown>; metadata: KubeObject['metadata'] };
  const y = b as typeof x;
  const same = (u: unknown, v: unknown) => JSON.stringify(u ?? null) === JSON.stringify(v ?? null);
  return (
    !same(x.spec?.unschedulable, y.spec?.unschedulable) ||
    !same(x.status?.allocatable, y.status?.allocatable) ||
    !same(x.metadata.labels, y.metadata.labels) ||
    !same(x.spec?.taints, y.spec?.taints) ||
    !same(
      ((x.status?.conditions ?? []) as { type: string; status: string }[]).map((c) => [c.type, c.status]),
      ((y.status?.conditions ?? []) as { type: string; status: string }[]).map((c) => [c.type, c.status]),
    ) ||
    !same(x.metadata.annotations, y.metadata.annotations)
  );
}

/** Build the scheduler on a cluster's components and start its informers. */
export function startScheduler(ctx: ComponentContext, opts?: SchedulerOptions): Scheduler {
  const s = new Scheduler(ctx, opts);
  ctx.informers.start();
  return s;
}
