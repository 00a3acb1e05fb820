/**
 * Reads metrics.k8s.io only while something on the page shows it: each
 * subscribed request (all NodeMetrics, one pod's PodMetrics) is fetched at
 * once, then again every METRICS_RESOLUTION_MS of virtual time — metrics-server
 * has nothing newer in between. Paused clock, hidden tab, or a page showing
 * the past: no requests at all. The last subscriber gone: the timer stops.
 */
import type { ApiRequest, ApiResponse } from '../../workers/api/request';

/** metrics-server's --metric-resolution (workers/metrics/server.ts scrapes at this rate). */
export const METRICS_RESOLUTION_MS = 15_000;
/** How often (wall time) the poller looks at the virtual clock. */
export const POLL_TICK_MS = 1_000;

export type MetricsState =
  | { phase: 'loading' }
  | { phase: 'ok'; body: unknown; fetchedAt: number }
  /** 503 while metrics-server is not ready, 404 when a pod has no metrics yet, … */
  | { phase: 'unavailable'; code: number; message: string; body?: unknown; fetchedAt?: number };

export interface PollerDeps {
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Virtual now, ms. */
  now(): Promise<number>;
  /** True while nothing should be fetched (hidden tab, viewing the past). */
  suspended(): boolean;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

interface Entry {
  req: ApiRequest;
  listeners: Set<() => void>;
  state: MetricsState;
  /** Virtual time of the last fetch started. */
  lastFetch?: number;
  inFlight: boolean;
}

export const NODE_METRICS: ApiRequest = { verb: 'list', group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes' };

export function podMetricsRequest(namespace: string, name: string): ApiRequest {
  return { verb: 'get', group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', namespace, name };
}

export function keyOf(req: ApiRequest): string {
  return `${req.verb} ${req.resource} ${req.namespace ?? ''}/${req.name ?? ''}`;
}

const LOADING: MetricsState = { phase: 'loading' };

function messageOf(r: ApiResponse): string {
  const b = r.body as { message?: unknown } | string | undefined;
  if (typeof b === 'string') return b.trim() || `HTTP ${r.status}`;
  return typeof b?.message === 'string' ? b.message : `HTTP ${r.status}`;
}

export class MetricsPoller {
  private readonly entries = new Map<string, Entry>();
  private timer: unknown = null;

  constructor(private readonly deps: PollerDeps) {}

  /** Start showing `req`; returns the unsubscribe. */
  subscribe(req: ApiRequest, listener: () => void): () => void {
    const key = keyOf(req);
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { req, listeners: new Set(), state: LOADING, inFlight: false }));
    e.listeners.add(listener);
    this.ensureTimer();
    void this.tick();
    return () => {
      const cur = this.entries.get(key);
      if (!cur) return;
      cur.listeners.delete(listener);
      if (cur.listeners.size === 0) this.entries.delete(key);
      if (this.entries.size === 0) this.stopTimer();
    };
  }

  state(req: ApiRequest): MetricsState {
    return this.entries.get(keyOf(req))?.state ?? LOADING;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Fetch whatever is due. Public for tests; the timer calls it every POLL_TICK_MS. */
  async tick(): Promise<void> {
    if (this.deps.suspended() || this.entries.size === 0) return;
    let now: number;
    try {
      now = await this.deps.now();
    } catch {
      return;
    }
    const due = [...this.entries.values()].filter((e) => !e.inFlight && (e.lastFetch === undefined || now - e.lastFetch >= METRICS_RESOLUTION_MS || now < e.lastFetch));
    await Promise.all(due.map((e) => this.fetch(e, now)));
  }

  private async fetch(e: Entry, now: number): Promise<void> {
    e.inFlight = true;
    e.lastFetch = now;
    let next: MetricsState;
    try {
      const r = await this.deps.request(e.req);
      if (r.status === 200) next = { phase: 'ok', body: r.body, fetchedAt: now };
      else {
        // Keep the last good numbers visible (dimmed by the view) while a later read fails.
        const prev = e.state.phase === 'ok' ? e.state : e.state.phase === 'unavailable' ? e.state : undefined;
        next = { phase: 'unavailable', code: r.status, message: messageOf(r) };
        if (prev?.body !== undefined) next.body = prev.body;
        if (prev?.fetchedAt !== undefined) next.fetchedAt = prev.fetchedAt;
      }
    } catch (err) {
      next = { phase: 'unavailable', code: 0, message: err instanceof Error ? err.message : String(err) };
    }
    e.inFlight = false;
    e.state = next;
    for (const l of [...e.listeners]) l();
  }

  private ensureTimer(): void {
    if (this.timer === null) this.timer = this.deps.setInterval(() => void this.tick(), POLL_TICK_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.deps.clearInterval(this.timer);
    this.timer = null;
  }
}
