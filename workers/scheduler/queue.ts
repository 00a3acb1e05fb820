/**
 * The scheduling queue (backend/queue/scheduling_queue.go PriorityQueue):
 * activeQ ordered by the QueueSort plugin; backoffQ for pods waiting out a
 * per-pod back-off (1 s doubling to 10 s); unschedulable pods parked until a
 * cluster event one of their rejecting plugins cares about, or for at most
 * five minutes. Timers are tasks on the virtual clock.
 */
import type { Clock, Task } from '../clock/clock';
import { jsonEqual, type KubeObject } from '../api/object';
import { KeyedHeap } from './heap';
import type { ClusterEvent, QueuedPodInfo } from './types';
import type { Framework } from './framework';
import type { PodInfo } from './podInfo';
import { isSuccess } from './status';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

export const SCHEDULER_COMPONENT = 'kube-scheduler';

/** A pod update that happened to a pod while it was being scheduled. */
const SELF_UPDATE = 'UnscheduledPodUpdate';

export class SchedulingQueue {
  private readonly activeQ: KeyedHeap<QueuedPodInfo>;
  private readonly backoffQ: KeyedHeap<QueuedPodInfo>;
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, Set<string>>();
  private seq = 0;
  private backoffTimer: Task | null = null;
  private leftoverTimer: Task | null = null;
  /** Told whenever the head of activeQ may have changed. */
  onActiveChange: () => void = () => {};

  constructor(
    private readonly clock: Clock,
    private readonly fw: Framework,
  ) {
    this.activeQ = new KeyedHeap((q) => q.info.key, (a, b) => fw.queueSort.less(a, b));
    this.backoffQ = new KeyedHeap(
      (q) => q.info.key,
      (a, b) => {
        const ea = this.backoffExpiry(a);
        const eb = this.backoffExpiry(b);
        return ea !== eb ? ea < eb : a.seq < b.seq;
      },
    );
  }

  /** Pending pods per queue, for narration and tests. */
  counts(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.activeQ.size, backoff: this.backoffQ.size, unschedulable: this.unschedulable.size };
  }

  where(key: string): 'active' | 'backoff' | 'unschedulable' | 'gated' | 'inFlight' | undefined {
    if (this.activeQ.has(key)) return 'active';
    if (this.backoffQ.has(key)) return 'backoff';
    const u = this.unschedulable.get(key);
    if (u) return u.gated ? 'gated' : 'unschedulable';
    return this.inFlight.has(key) ? 'inFlight' : undefined;
  }

  peek(): QueuedPodInfo | undefined {
    return this.activeQ.peek();
  }

  /** Add: a new unscheduled pod. */
  add(info: PodInfo): void {
    const q: QueuedPodInfo = { info, timestamp: this.clock.now(), attempts: 0, unschedulablePlugins: new Set(), seq: ++this.seq, gated: false };
    this.toActive(q);
  }

  /** Pop: the next pod to schedule; it is in flight until `done`. */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop();
    if (!q) return undefined;
    q.attempts++;
    this.inFlight.set(q.info.key, new Set());
    this.onActiveChange();
    return q;
  }

  done(key: string): void {
    this.inFlight.delete(key);
  }

  update(oldPod: KubeObject | undefined, info: PodInfo): void {
    const key = info.key;
    for (const h of [this.activeQ, this.backoffQ]) {
      const q = h.get(key);
      if (q) {
        q.info = info;
        h.addOrUpdate(q);
        if (h === this.activeQ) this.onActiveChange();
        return;
      }
    }
    const u = this.unschedulable.get(key);
    if (u) {
      u.info = info;
      if (u.gated) {
        if (isSuccess(this.fw.runPreEnqueuePlugins(info))) {
          this.unschedulable.delete(key);
          u.gated = false;
          this.toActive(u);
        }
        return;
      }
      if (!oldPod || isPodUpdated(oldPod, info.pod)) {
        this.unschedulable.delete(key);
        this.moveToActiveOrBackoff(u);
      }
      return;
    }
    const flight = this.inFlight.get(key);
    if (flight) {
      if (!oldPod || isPodUpdated(oldPod, info.pod)) flight.add(SELF_UPDATE);
      return;
    }
    this.add(info);
  }

  delete(key: string): void {
    if (this.activeQ.delete(key)) this.onActiveChange();
    this.backoffQ.delete(key);
    this.unschedulable.delete(key);
  }

  /**
   * AddUnschedulableIfNotPresent after a failed attempt: straight to backoffQ
   * when nothing specific rejected it or a relevant event arrived meanwhile,
   * else park it as unschedulable.
   */
  addUnschedulable(q: QueuedPodInfo): void {
    const key = q.info.key;
    const seen = this.inFlight.get(key) ?? new Set<string>();
    this.inFlight.delete(key);
    if (this.activeQ.has(key) || this.backoffQ.has(key) || this.unschedulable.has(key)) return;
    q.timestamp = this.clock.now();
    const relevant = q.unschedulablePlugins.size === 0 || seen.has(SELF_UPDATE) || [...seen].some((e) => this.isRelevant(q, e as ClusterEvent));
    if (relevant) this.toBackoff(q);
    else this.park(q);
  }

  /** MoveAllToActiveOrBackoffQueue for one cluster event. */
  onEvent(event: ClusterEvent): void {
    for (const seen of this.inFlight.values()) seen.add(event);
    for (const [key, q] of this.unschedulable) {
      if (q.gated || !this.isRelevant(q, event)) continue;
      this.unschedulable.delete(key);
      this.moveToActiveOrBackoff(q);
    }
  }

  private isRelevant(q: QueuedPodInfo, event: ClusterEvent): boolean {
    if (q.unschedulablePlugins.size === 0) return true;
    for (const name of q.unschedulablePlugins) {
      if (this.fw.plugins.get(name)?.events?.includes(event)) return true;
    }
    return false;
  }

  /** calculateBackoffDuration: 1 s, doubling per attempt, capped at 10 s. */
  backoffDuration(q: QueuedPodInfo): number {
    let d = POD_INITIAL_BACKOFF_MS;
    for (let i = 1; i < q.attempts; i++) {
      if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
      d += d;
    }
    return d;
  }

  backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q);
  }

  private moveToActiveOrBackoff(q: QueuedPodInfo): void {
    if (this.backoffExpiry(q) > this.clock.now()) this.toBackoff(q);
    else this.toActive(q);
  }

  private toActive(q: QueuedPodInfo): void {
    if (!isSuccess(this.fw.runPreEnqueuePlugins(q.info))) {
      q.gated = true;
      this.unschedulable.set(q.info.key, q);
      return;
    }
    q.gated = false;
    this.activeQ.addOrUpdate(q);
    this.onActiveChange();
  }

  private toBackoff(q: QueuedPodInfo): void {
    this.backoffQ.addOrUpdate(q);
    this.armBackoffTimer();
  }

  private park(q: QueuedPodInfo): void {
    this.unschedulable.set(q.info.key, q);
    this.armLeftoverTimer();
  }

  /** flushBackoffQCompleted, run when the earliest back-off ends rather than every second. */
  private armBackoffTimer(): void {
    const head = this.backoffQ.peek();
    if (!head) return;
    const at = this.backoffExpiry(head);
    if (this.backoffTimer && !this.backoffTimer.cancelled && this.backoffTimer.at <= at) return;
    this.clock.cancel(this.backoffTimer);
    this.backoffTimer = this.clock.schedule(at - this.clock.now(), { component: SCHEDULER_COMPONENT, key: 'backoffQ', what: 'flush backoff queue' }, () => {
      this.backoffTimer = null;
      const now = this.clock.now();
      for (let q = this.backoffQ.peek(); q && this.backoffExpiry(q) <= now; q = this.backoffQ.peek()) {
        this.backoffQ.pop();
        this.toActive(q);
      }
      this.armBackoffTimer();
    });
  }

  /** flushUnschedulablePodsLeftover, run when the oldest parked pod reaches five minutes. */
  private armLeftoverTimer(): void {
    let oldest = Infinity;
    for (const q of this.unschedulable.values()) if (!q.gated) oldest = Math.min(oldest, q.timestamp);
    if (oldest === Infinity) return;
    const at = oldest + POD_MAX_IN_UNSCHEDULABLE_MS;
    if (this.leftoverTimer && !this.leftoverTimer.cancelled && this.leftoverTimer.at <= at) return;
    this.clock.cancel(this.leftoverTimer);
    this.leftoverTimer = this.clock.schedule(at - this.clock.now(), { component: SCHEDULER_COMPONENT, key: 'unschedulablePods', what: 'flush unschedulable pods' }, () => {
      this.leftoverTimer = null;
      const now = this.clock.now();
      for (const [key, q] of this.unschedulable) {
        if (q.gated || now - q.timestamp < POD_MAX_IN_UNSCHEDULABLE_MS) continue;
        this.unschedulable.delete(key);
        this.moveToActiveOrBackoff(q);
      }
      this.armLeftoverTimer();
    });
  }
}

/** isPodUpdated: a change other than status, resourceVersion, generation, managedFields or finalizers. */
export function isPodUpdated(a: KubeObject, b: KubeObject): boolean {
  const strip = (p: KubeObject) => {
    const { status: _s, ...rest } = p;
    const { resourceVersion: _rv, generation: _g, managedFields: _mf, finalizers: _f, ...meta } = p.metadata;
    return { ...rest, metadata: meta };
  };
  return !jsonEqual(strip(a), strip(b));
}
