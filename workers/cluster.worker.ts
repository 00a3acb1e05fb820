/**
 * Web Worker entry: runs one cluster and exposes it to the page with comlink.
 *
 * Watch events are batched per watch and delivered as arrays at most once per
 * BATCH_INTERVAL_MS, with at most one batch in flight: while the page is busy,
 * events pile up here and go out as one larger batch instead of flooding the
 * main thread with messages.
 */
import type { ChaosAction } from './chaos';
import * as Comlink from 'comlink';
import { createCluster, type Cluster, type ClusterOptions } from './cluster';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from './api/request';
import type { ClockMode } from './clock/driver';
import { gone, internal } from './api/status';
import type {
  Changes, ForkResult, ObjectAt, ObjectDiff, ReplayResult, SessionDocument, StepRequest, StepResult,
  TimelineEntry, TimelineInfo, TimelinePage, TimelineQuery, TimelineResult,
} from './timeline/types';
import { TimelineService } from './timeline/service';
import { objectHistory, type ObjectHistory } from './timeline/objectHistory';
import { createKubectlSessions, type KubectlOutputChunk } from './kubectl/session';
import { clusterKubectlClient } from './kubectl/clusterClient';

export const BATCH_INTERVAL_MS = 16;

/** Receives watch events in batches; may return a promise (a comlink proxy does) to hold back the next batch. */
export type WatchBatchCallback = (events: WatchEvent[]) => unknown;

export interface ClusterStartInfo {
  /** The seed the page asked for, if any (the cluster picks its default otherwise). */
  seed?: number;
  /** Virtual time when the cluster was created. */
  epochMs: number;
}

export interface ClusterClockState {
  /** Virtual time, ms since 1970. */
  now: number;
  mode: ClockMode;
}

/** How the worker posts a watch's events; not part of the Kubernetes API the watch speaks. */
export interface WorkerWatchOptions {
  /**
   * Leave metadata.managedFields out of each event's object: they are most of a Pod's size, and
   * copying them to the page on every event is the page's largest cost during a rollout. Views that
   * show them GET the object.
   */
  omitManagedFields?: boolean;
}

/** A shallow copy without metadata.managedFields (the stored object is shared and never mutated). */
export function withoutManagedFields(event: WatchEvent): WatchEvent {
  const obj = event.object as { metadata?: Record<string, unknown> } | null;
  if (!obj || typeof obj !== 'object' || !obj.metadata || !('managedFields' in obj.metadata)) return event;
  const { managedFields: _omitted, ...metadata } = obj.metadata;
  return { ...event, object: { ...obj, metadata } } as WatchEvent;
}

export interface ClusterWorkerApi {
  /** Creates the cluster and starts real time at 1×. Idempotent: later calls get the first cluster's info. */
  start(opts?: ClusterOptions): Promise<ClusterStartInfo>;
  request(req: ApiRequest): ApiResponse;
  /** Returns a watch id for `unwatch`. */
  watch(req: ApiRequest, onEvents: WatchBatchCallback, opts?: WorkerWatchOptions): number;
  unwatch(id: number): void;
  setMode(mode: ClockMode): void;
  clock(): ClusterClockState;
  /** Break something on purpose: stop/start a kubelet, crash a container, add or remove a node. */
  chaos(action: ChaosAction): ApiResponse;

  // The terminal's kubectl (workers/kubectl): runs start at once and stream their output.
  /** Run a kubectl command line; returns the run id (for kubectlCancel) at once, output arrives through onOutput, the exit code through onExit. */
  kubectlStart(line: string, files: Record<string, string>, onOutput: (chunk: KubectlOutputChunk) => void, onExit: (exitCode: number) => void): number;
  /** Ctrl+C: a waiting command (-w, logs -f, rollout status) stops and exits. */
  kubectlCancel(id: number): void;
  /** Completions for the word at `cursor`: commands, flags, resource types and names. */
  kubectlComplete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;

  // Timeline, stepping, time travel and sessions (shapes and the cluster-replaced signal: workers/timeline/types.ts).
  /** Counts and ranges of the timeline and the store's history. */
  timelineInfo(): TimelineResult<TimelineInfo>;
  /** A page of entries, newest first by default, filtered by component and/or object. */
  timeline(query?: TimelineQuery): TimelineResult<TimelinePage>;
  /** One entry with its writes and the decision behind it. */
  timelineEntry(id: number): TimelineResult<TimelineEntry>;
  /** Run one task / to the next write / until an object changes / until idle. Pauses a running clock first. */
  step(req: StepRequest): TimelineResult<StepResult>;
  /** An object (by store key) as it was at a revision, read from history. */
  objectAt(key: string, revision: number): TimelineResult<ObjectAt>;
  /** YAML diff of one object between two revisions. */
  diff(key: string, revA: number, revB: number): TimelineResult<ObjectDiff>;
  /** Objects created, updated and deleted in (revA, revB], with the entries that did it. */
  changes(revA: number, revB: number): TimelineResult<Changes>;
  /** The session so far: seed, options and every external action at its exact point. */
  exportSession(): TimelineResult<SessionDocument>;
  /** Replay a session (JSON text or document) into a new cluster and swap it in (open watches end with 410). `replay: false` only validates. */
  importSession(doc: string | SessionDocument, opts?: { replay?: boolean }): Promise<TimelineResult<ReplayResult>>;
  /** Rebuild the cluster up to the entry that wrote `revision`, swap it in paused, and drop the later branch. */
  fork(revision: number): Promise<TimelineResult<ForkResult>>;
  /** Hash over the whole store history (revision, key, type, canonical value, time, cause). */
  historyHash(): TimelineResult<string>;
  /** One object's writes (store key), oldest first, after `sinceRevision`: for charts over its history (an HPA's replicas and metrics). */
  objectHistory(key: string, sinceRevision?: number): TimelineResult<ObjectHistory>;
}

/** Wall-clock timers, injectable so tests never sleep. */
export interface BatchTimer {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimer: BatchTimer = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class BatchedWatch {
  private pending: WatchEvent[] = [];
  private inFlight = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private stopped = false;
  handle: WatchHandle | null = null;

  constructor(
    private readonly deliver: WatchBatchCallback,
    private readonly timers: BatchTimer,
    private readonly onDead: () => void,
  ) {}

  push(event: WatchEvent): void {
    if (this.stopped) return;
    this.pending.push(event);
    this.schedule();
  }

  /** Deliver what is pending (the last event), then stop: used when the cluster behind the watch is replaced. */
  closeAfterFlush(onClosed: () => void): void {
    this.handle?.stop();
    this.handle = null;
    this.closing = onClosed;
    if (!this.inFlight && this.timer === null) this.schedule();
  }
  private closing: (() => void) | null = null;

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.pending = [];
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.handle?.stop();
  }

  private schedule(): void {
    if (this.inFlight || this.timer !== null || this.stopped || this.pending.length === 0) return;
    const wait = Math.max(0, this.lastSentAt + BATCH_INTERVAL_MS - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    if (this.stopped || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = true;
    this.lastSentAt = this.timers.now();
    let result: unknown;
    try {
      result = this.deliver(batch);
    } catch {
      this.onDead();
      return;
    }
    if (this.closing) {
      const closed = this.closing;
      this.closing = null;
      this.stop();
      closed();
      return;
    }
    Promise.resolve(result).then(
      () => {
        this.inFlight = false;
        this.schedule();
      },
      // The page side is gone (closed proxy, reloaded page): nobody will read this watch again.
      () => this.onDead(),
    );
  }
}

export function createClusterWorkerApi(
  makeCluster: (opts?: ClusterOptions) => Cluster | Promise<Cluster> = createCluster,
  timers: BatchTimer = systemTimer,
): ClusterWorkerApi {
  let cluster: Cluster | null = null;
  let starting: Promise<ClusterStartInfo> | null = null;
  const watches = new Map<number, BatchedWatch>();
  let nextWatchId = 1;

  const running = (): Cluster => {
    if (!cluster) throw new Error('cluster not started: call start() first');
    return cluster;
  };

  const timeline = new TimelineService(makeCluster);
  /** A new cluster replaces the old: every open watch ends with one 410 (see workers/timeline/types.ts), then the swap. */
  const swap = (next: Cluster, why: string): void => {
    const old = cluster;
    for (const [id, w] of watches) {
      w.push({ type: 'ERROR', object: gone(`cluster replaced: ${why}`) });
      w.closeAfterFlush(() => watches.delete(id));
    }
    cluster = next;
    old?.driver.stop();
  };
  const guarded = <T>(run: () => TimelineResult<T>): TimelineResult<T> => {
    try {
      return run();
    } catch (err) {
      return { ok: false, status: internal(messageOf(err)) };
    }
  };

  const unwatch = (id: number): void => {
    const w = watches.get(id);
    if (!w) return;
    watches.delete(id);
    w.stop();
  };

  // The client is taken per run, so a replayed or forked cluster swapped in is the one kubectl talks to.
  const kubectl = createKubectlSessions(() => clusterKubectlClient(running()));

  return {
    start(opts = {}) {
      starting ??= (async () => {
        const c = await makeCluster(opts);
        const info: ClusterStartInfo = { epochMs: c.clock.epochMs };
        if (opts.seed !== undefined) info.seed = opts.seed;
        // Recording starts before the first task runs, or a replay of this session could not reproduce it.
        // The timeline is an extra: a cluster it cannot record (a test double) still starts.
        try {
          timeline.attach(c, opts);
        } catch {
          /* not recorded: the timeline methods answer with an error Status */
        }
        c.driver.setMode({ kind: 'realtime', speed: 1 });
        cluster = c;
        return info;
      })();
      return starting;
    },

    request(req) {
      const c = running();
      try {
        return c.request(req);
      } catch (err) {
        // The worker must survive whatever a request does; the caller gets a Status like any other failure.
        return { status: 500, body: internal(messageOf(err)) };
      }
    },

    watch(req, onEvents, opts = {}) {
      const c = running();
      const omit = opts.omitManagedFields === true;
      const id = nextWatchId++;
      const w = new BatchedWatch(onEvents, timers, () => unwatch(id));
      watches.set(id, w);
      try {
        const started = c.watch({ ...req, verb: 'watch' }, (e: WatchEvent) => w.push(omit ? withoutManagedFields(e) : e));
        // A refused watch (bad selector, compacted resourceVersion) comes back as a response, not a handle:
        // the page sees it the way kubectl sees a watch that fails, as one ERROR event carrying the Status.
        if ('stop' in started) w.handle = started;
        else w.push({ type: 'ERROR', object: started.body });
      } catch (err) {
        w.push({ type: 'ERROR', object: internal(messageOf(err)) });
      }
      return id;
    },

    unwatch,

    setMode(mode) {
      running().driver.setMode(mode);
    },

    clock() {
      const c = running();
      return { now: c.clock.now(), mode: c.driver.mode };
    },

    chaos(action) {
      try {
        return running().chaos(action);
      } catch (err) {
        return { status: 500, body: internal(messageOf(err)) };
      }
    },

    kubectlStart: (line, files, onOutput, onExit) => kubectl.start(line, files, onOutput, onExit),
    kubectlCancel: (id) => kubectl.cancel(id),
    kubectlComplete: (line, cursor) => kubectl.complete(line, cursor),

    timelineInfo: () => guarded(() => timeline.info(running())),
    timeline: (query) => guarded(() => timeline.page(query)),
    timelineEntry: (id) => guarded(() => timeline.entry(id)),
    step: (req) => guarded(() => timeline.step(running(), req)),
    objectAt: (key, revision) => guarded(() => timeline.objectAt(running(), key, revision)),
    diff: (key, revA, revB) => guarded(() => timeline.diff(running(), key, revA, revB)),
    changes: (revA, revB) => guarded(() => timeline.changes(running(), revA, revB)),
    exportSession: () => guarded(() => timeline.exportSession(running())),
    historyHash: () => guarded(() => timeline.historyHash(running())),
    objectHistory: (key, sinceRevision) => guarded(() => objectHistory(running().store, key, sinceRevision)),

    async importSession(doc, opts = {}) {
      try {
        const r = await timeline.importSession(doc, opts);
        if (!r.ok || !r.cluster) return r.ok ? { ok: true, value: r.value } : r;
        swap(r.cluster, 'session replayed');
        return { ok: true, value: r.value };
      } catch (err) {
        return { ok: false, status: internal(messageOf(err)) };
      }
    },

    async fork(revision) {
      try {
        const r = await timeline.fork(running(), revision);
        if (!r.ok) return r;
        swap(r.cluster, `forked at revision ${revision}`);
        return { ok: true, value: r.value };
      } catch (err) {
        return { ok: false, status: internal(messageOf(err)) };
      }
    },
  };
}

// Only expose when actually loaded as a worker, so Node tests can import the factory.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  Comlink.expose(createClusterWorkerApi());
}
