/**
 * The one discrete-event loop that owns virtual time. Every unit of work in the
 * cluster is a labelled task scheduled here; nothing else advances time.
 *
 * Ordering is total and deterministic: by due time, then by scheduling order.
 */

export interface TaskLabel {
  /** Who runs it: `replicaset-controller`, `scheduler`, `kubelet/worker-1`, `kubectl`. */
  component: string;
  /** What it is about, usually `namespace/name`. */
  key: string;
  /** A short verb phrase: `sync`, `pull image`, `probe liveness`. */
  what: string;
}

export interface Task extends TaskLabel {
  readonly id: number;
  /** Virtual time (ms since the epoch) at which it runs. */
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
  cancelled: boolean;
}

export interface RanTask extends TaskLabel {
  id: number;
  at: number;
}

export type TaskListener = (task: RanTask) => void;

export class Clock {
  private heap: Task[] = [];
  private seq = 0;
  private nowMs: number;
  private live = 0;
  private listeners = new Set<TaskListener>();
  /** The task being run, if any: store writes are attributed to it. */
  current: Task | null = null;
  /** Tasks run so far, and the id of the last one: the exact point an outside action lands on (timeline replay). */
  tasksRun = 0;
  lastTaskId = 0;

  constructor(readonly epochMs: number) {
    this.nowMs = epochMs;
  }

  /** Virtual time in ms since 1970. */
  now(): number {
    return this.nowMs;
  }

  /** Virtual ms since the cluster started. */
  elapsed(): number {
    return this.nowMs - this.epochMs;
  }

  /** RFC 3339 timestamp at second precision, as Kubernetes writes them. */
  timestamp(ms = this.nowMs): string {
    // One string per second, shared by every object stamped in it.
    const s = Math.floor(ms / 1000);
    if (s !== this.stampSecond) {
      this.stampSecond = s;
      this.stamp = new Date(s * 1000).toISOString().replace('.000Z', 'Z');
    }
    return this.stamp;
  }
  private stampSecond = NaN;
  private stamp = '';

  /** RFC 3339 with microseconds (metav1.MicroTime), used by Leases and events.k8s.io. */
  microTimestamp(ms = this.nowMs): string {
    return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }

  schedule(delayMs: number, label: TaskLabel, run: () => void): Task {
    // One shape for every task, whatever object the label came in, keeps the heap's comparisons monomorphic.
    const task: Task = {
      component: label.component,
      key: label.key,
      what: label.what,
      id: ++this.seq,
      seq: this.seq,
      at: this.nowMs + Math.max(0, delayMs),
      run,
      cancelled: false,
    };
    this.push(task);
    this.live++;
    return task;
  }

  cancel(task: Task | null | undefined): void {
    if (task && !task.cancelled) {
      task.cancelled = true;
      this.live--;
    }
  }

  /** Number of pending (not cancelled) tasks. */
  pending(): number {
    return this.live;
  }

  /** Due time of the next pending task, or undefined when idle. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  peek(): Readonly<Task> | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Move time forward without running anything (idle time passing). */
  advanceTo(ms: number): void {
    const next = this.nextAt();
    const target = next === undefined ? ms : Math.min(ms, next);
    if (target > this.nowMs) this.nowMs = target;
  }

  /** Run the next task, advancing time to it. Returns it, or undefined when idle. */
  step(): RanTask | undefined {
    this.dropCancelled();
    const task = this.pop();
    if (!task) return undefined;
    this.live--;
    if (task.at > this.nowMs) this.nowMs = task.at;
    this.current = task;
    this.tasksRun++;
    this.lastTaskId = task.id;
    try {
      task.run();
    } finally {
      this.current = null;
    }
    const ran: RanTask = { id: task.id, at: task.at, component: task.component, key: task.key, what: task.what };
    for (const l of this.listeners) l(ran);
    return ran;
  }

  /**
   * Run tasks until a condition holds, virtual time reaches `time`, the loop
   * is idle, or `maxTasks` ran. Returns the number of tasks run.
   */
  runUntil(opts: { until?: () => boolean; time?: number; maxTasks?: number }): number {
    const max = opts.maxTasks ?? Number.POSITIVE_INFINITY;
    let n = 0;
    while (n < max) {
      if (opts.until?.()) break;
      const next = this.nextAt();
      if (next === undefined) break;
      if (opts.time !== undefined && next > opts.time) break;
      this.step();
      n++;
    }
    if (opts.time !== undefined && !(opts.until?.()) && this.nowMs < opts.time) this.advanceTo(opts.time);
    return n;
  }

  /** Run for `ms` of virtual time from now. */
  runFor(ms: number, maxTasks?: number): number {
    return this.runUntil({ time: this.nowMs + ms, maxTasks });
  }

  /** The pending tasks, in heap order; may include cancelled ones (check `cancelled`). Read-only. */
  pendingTasks(): readonly Readonly<Task>[] {
    return this.heap;
  }

  onTask(listener: TaskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private less(a: Task, b: Task): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(task: Task): void {
    const h = this.heap;
    let i = h.length;
    h.push(task);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(task, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = task;
    if (i === 0) this.onEarliest?.(task.at);
  }

  /**
   * Told when a newly scheduled task becomes the next one due: whoever drives
   * the clock from wall time (ClockDriver) wakes for it instead of sleeping
   * until the task it planned for.
   */
  onEarliest: ((at: number) => void) | null = null;

  private pop(): Task | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    const n = h.length;
    if (n) {
      // Sift the last task down from the root, moving smaller children up into the hole.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && this.less(h[r], h[l]) ? r : l;
        if (!this.less(h[m], last)) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
