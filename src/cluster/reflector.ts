/**
 * List, then watch from the list's resourceVersion, turning events into store
 * changes — the UI's small version of client-go's Reflector
 * (staging/src/k8s.io/client-go/tools/cache/reflector.go): a watch that ends
 * with `410 Gone` (its resourceVersion was compacted) means relist.
 */
import type { ApiResponse, WatchEvent } from '../../workers/api/request';
import type { KubeObject } from '../../workers/api/object';
import type { ClusterClient } from './client';
import type { ResourceSpec } from './resources';
import type { ObjectChange } from './store';

export interface ReflectorOptions {
  client: Pick<ClusterClient, 'request' | 'watch'>;
  spec: ResourceSpec;
  /** Receives the changes from one list or one batch of watch events. */
  emit(changes: ObjectChange[]): void;
  /** A failure worth showing; the reflector retries by itself. */
  onError?(message: string): void;
  retryDelayMs?: number;
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
}

export interface Reflector {
  stop(): void;
}

const defaultTimers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function statusOf(v: unknown): { code?: number; message?: string } {
  if (!isObject(v)) return {};
  return {
    code: typeof v.code === 'number' ? v.code : undefined,
    message: typeof v.message === 'string' ? v.message : undefined,
  };
}

function resourceVersionOf(v: unknown): string | undefined {
  if (!isObject(v) || !isObject(v.metadata)) return undefined;
  const rv = v.metadata.resourceVersion;
  return typeof rv === 'string' && rv !== '' ? rv : undefined;
}

/**
 * Lists leave kind/apiVersion off their items; the store keeps objects whole, less managedFields: the
 * watches leave them out (client.ts), so list items do too, and every mirrored object looks the same.
 */
function asObject(v: unknown, spec: ResourceSpec): KubeObject | undefined {
  if (!isObject(v) || !isObject(v.metadata)) return undefined;
  if ('managedFields' in v.metadata) {
    const { managedFields: _omitted, ...metadata } = v.metadata;
    v = { ...v, metadata };
    if (!isObject(v)) return undefined;
  }
  const apiVersion = spec.group ? `${spec.group}/${spec.version}` : spec.version;
  if (v.kind === spec.kind && v.apiVersion === apiVersion) return v as KubeObject;
  return { ...v, kind: spec.kind, apiVersion } as KubeObject;
}

function failureMessage(spec: ResourceSpec, verb: string, res: ApiResponse): string {
  const m = statusOf(res.body).message;
  return `${verb} ${spec.resource}: ${m ?? `HTTP ${res.status}`}`;
}

export function startReflector(opts: ReflectorOptions): Reflector {
  const { client, spec, emit } = opts;
  const timers = opts.timers ?? defaultTimers;
  const retryDelayMs = opts.retryDelayMs ?? 1000;
  let stopped = false;
  /** Bumped on every (re)list so events from an abandoned watch are ignored. */
  let generation = 0;
  let stopWatch: (() => void) | null = null;
  let retryTimer: unknown = null;

  const endWatch = () => {
    stopWatch?.();
    stopWatch = null;
  };

  const fail = (message: string) => {
    endWatch();
    opts.onError?.(message);
    if (stopped) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      void relist();
    }, retryDelayMs);
  };

  const onEvents = (gen: number, events: WatchEvent[]) => {
    if (stopped || gen !== generation) return;
    const changes: ObjectChange[] = [];
    let outcome: 'ok' | 'gone' | 'error' = 'ok';
    let errorMessage = '';
    for (const e of events) {
      if (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED') {
        const object = asObject(e.object, spec);
        if (!object) continue;
        changes.push(e.type === 'DELETED' ? { type: 'delete', kind: spec.kind, object } : { type: 'upsert', kind: spec.kind, object });
      } else if (e.type === 'ERROR') {
        const s = statusOf(e.object);
        outcome = s.code === 410 ? 'gone' : 'error';
        errorMessage = `watch ${spec.resource}: ${s.message ?? 'watch failed'}`;
        break;
      }
    }
    if (changes.length > 0) emit(changes);
    if (outcome === 'gone') {
      endWatch();
      void relist();
    } else if (outcome === 'error') {
      fail(errorMessage);
    }
  };

  const relist = async (): Promise<void> => {
    if (stopped) return;
    const gen = ++generation;
    endWatch();
    try {
      const base = { group: spec.group, version: spec.version, resource: spec.resource };
      const list = await client.request({ ...base, verb: 'list' });
      if (stopped || gen !== generation) return;
      if (list.status !== 200 || !isObject(list.body) || !Array.isArray(list.body.items)) {
        fail(failureMessage(spec, 'list', list));
        return;
      }
      const objects = list.body.items.map((i) => asObject(i, spec)).filter((o): o is KubeObject => o !== undefined);
      emit([{ type: 'replace', kind: spec.kind, objects }]);
      // No bookmarks: each one is a task on the cluster's clock, so the page's own watches would
      // change the history it is showing (and a session replayed without the page would diverge).
      const query: Record<string, string> = {};
      const rv = resourceVersionOf(list.body);
      if (rv) query.resourceVersion = rv;
      const stop = await client.watch({ ...base, verb: 'watch', query }, (events) => onEvents(gen, events));
      if (stopped || gen !== generation) {
        stop();
        return;
      }
      stopWatch = stop;
    } catch (err) {
      if (!stopped && gen === generation) fail(`${spec.resource}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  void relist();

  return {
    stop() {
      stopped = true;
      generation++;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      endWatch();
    },
  };
}
