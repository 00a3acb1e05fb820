/**
 * A rate-limited work queue on the virtual clock, after client-go's
 * workqueue: a key waiting to be processed is queued once however often it
 * is added, and each run of `sync(key)` is one labelled clock task.
 * (staging/src/k8s.io/client-go/util/workqueue/{queue,delaying_queue,default_rate_limiters}.go)
 */
import type { Clock, Task } from '../clock/clock';

export type SyncResult = void | { requeueAfter?: number; error?: string };

/**
 * A controller's reaction time: a watch event reaching the informer, its
 * handler queueing the key, and a worker picking it up. Upstream this takes a
 * few ms of real time, during which further events for the same key coalesce
 * into one sync; on a virtual clock a zero delay would instead run a full
 * sync for every single event of a burst (10,000 pod updates, 10,000 syncs).
 */
export const CONTROLLER_REACTION_MS = 5;

export interface WorkQueueOptions {
  component: string;
  /** What a run is called in the timeline (default `sync`). */
  what?: string;
  /** Virtual delay between a key becoming ready and its sync (a controller's reaction time). */
  latencyMs?: number;
  /** Per-item exponential back-off base and cap (client-go: 5 ms, 1000 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export class WorkQueue {
  private queued = new Map<string, Task>();
  private waiting = new Map<string, Task>();
  private failures = new Map<string, number>();
  private shuttingDown = false;
  /** Last error per key, for narration. */
  readonly lastError = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly sync: (key: string) => SyncResult,
    private readonly opts: WorkQueueOptions,
  ) {}

  /** Queue `key` now; no-op when it is already queued. */
  add(key: string): void {
    if (this.shuttingDown) return;
    const existing = this.queued.get(key);
    if (existing && !existing.cancelled) return;
    const task = this.clock.schedule(this.opts.latencyMs ?? 0, { component: this.opts.component, key, what: this.opts.what ?? 'sync' }, () => this.run(key));
    this.queued.set(key, task);
  }

  /**
   * Queue `key` once `ms` of virtual time has passed (delaying_queue.go): the
   * wait is kept apart from the ready queue, and of two waits the earlier wins.
   */
  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const waiting = this.waiting.get(key);
    if (waiting && !waiting.cancelled) {
      if (waiting.at <= at) return;
      this.clock.cancel(waiting);
    }
    const task = this.clock.schedule(ms, { component: this.opts.component, key, what: 'requeue' }, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, task);
  }

  /** Queue with per-item exponential back-off (ItemExponentialFailureRateLimiter). */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const delay = Math.min((this.opts.baseDelayMs ?? 5) * 2 ** n, this.opts.maxDelayMs ?? 1_000_000);
    this.addAfter(key, delay);
  }

  /** Stop tracking back-off for `key` (after a successful sync). */
  forget(key: string): void {
    this.failures.delete(key);
    this.lastError.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get length(): number {
    return this.queued.size;
  }

  shutDown(): void {
    this.shuttingDown = true;
    for (const t of [...this.queued.values(), ...this.waiting.values()]) this.clock.cancel(t);
    this.queued.clear();
    this.waiting.clear();
  }

  private run(key: string): void {
    this.queued.delete(key);
    const r = this.sync(key);
    if (r && r.error !== undefined) {
      this.lastError.set(key, r.error);
      this.addRateLimited(key);
      return;
    }
    this.forget(key);
    if (r && r.requeueAfter !== undefined) this.addAfter(key, r.requeueAfter);
  }
}
