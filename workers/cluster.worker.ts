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
import { internal } from './api/status';

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

export interface ClusterWorkerApi {
  /** Creates the cluster and starts real time at 1×. Idempotent: later calls get the first cluster's info. */
  start(opts?: ClusterOptions): Promise<ClusterStartInfo>;
  request(req: ApiRequest): ApiResponse;
  /** Returns a watch id for `unwatch`. */
  watch(req: ApiRequest, onEvents: WatchBatchCallback): number;
  unwatch(id: number): void;
  setMode(mode: ClockMode): void;
  clock(): ClusterClockState;
  /** Break something on purpose: stop/start a kubelet, crash a container, add or remove a node. */
  chaos(action: ChaosAction): ApiResponse;
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

  const unwatch = (id: number): void => {
    const w = watches.get(id);
    if (!w) return;
    watches.delete(id);
    w.stop();
  };

  return {
    start(opts = {}) {
      starting ??= (async () => {
        const c = await makeCluster(opts);
        const info: ClusterStartInfo = { epochMs: c.clock.epochMs };
        if (opts.seed !== undefined) info.seed = opts.seed;
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

    watch(req, onEvents) {
      const c = running();
      const id = nextWatchId++;
      const w = new BatchedWatch(onEvents, timers, () => unwatch(id));
      watches.set(id, w);
      try {
        const started = c.watch({ ...req, verb: 'watch' }, (e: WatchEvent) => w.push(e));
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
  };
}

// Only expose when actually loaded as a worker, so Node tests can import the factory.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  Comlink.expose(createClusterWorkerApi());
}
