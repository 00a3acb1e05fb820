/**
 * Records core/v1 Events for a component, with client-go's EventCorrelator
 * (staging/src/k8s.io/client-go/tools/record/events_cache.go):
 * - a spam filter per object and reason (token bucket: burst 25, one more every 5 minutes),
 * - an aggregator: from the 11th similar event (same object, type, reason,
 *   other message) within ten minutes, one event "(combined from similar events): …",
 * - a logger: repeats of the same event bump `count` and `lastTimestamp`
 *   of the first one instead of creating a new object.
 * Each keeps an LRU cache of LRU_CACHE_ENTRIES, so a recorder's memory is
 * bounded however many objects it reports on (10,000 pods, 40,000 events);
 * eventsCache.ts keeps their entries small.
 */
import type { Clock } from '../clock/clock';
import type { KubeObject } from '../api/object';
import type { ApiRequest, ApiResponse } from '../api/request';
import { EventsCache, LRU_CACHE_ENTRIES, type ObjectKey } from './eventsCache';

export { LRU_CACHE_ENTRIES };

export type EventType = 'Normal' | 'Warning';

const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;
const AGGREGATE_MAX_EVENTS = 10;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 5 * 60 * 1000;
/** The logger's key for the aggregate event, whatever its latest message. */
const COMBINED = '*';
const NONE = -1;

const LAST_NANO = new WeakMap<Clock, bigint>();

export class EventRecorder {
  private readonly cache: EventsCache;
  /** `source` of every event; each event gets its own copy, as the API server may keep the body it is given. */
  private readonly source: Readonly<Record<string, string>>;

  constructor(
    private readonly clock: Clock,
    private readonly api: (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse,
    /** `source.component`, e.g. `replicaset-controller`, `default-scheduler`, `kubelet`. */
    private readonly component: string,
    /** `source.host` for node components. */
    private readonly host?: string,
    /** CorrelatorOptions.LRUCacheSize: entries each of the correlator's caches keeps. */
    cacheEntries = LRU_CACHE_ENTRIES,
  ) {
    this.source = host ? { component, host } : { component };
    this.cache = new EventsCache(cacheEntries);
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    const meta = obj.metadata;
    // Keyed as upstream joins them (absent fields are empty); source is this recorder's own.
    const key: ObjectKey = { kind: obj.kind ?? '', namespace: meta.namespace ?? '', name: meta.name ?? '', uid: meta.uid ?? '', apiVersion: obj.apiVersion ?? '' };
    const now = this.clock.now();
    const cache = this.cache;
    let k = cache.key(key, type, reason);
    if (!cache.allow(k, now, SPAM_BURST, SPAM_REFILL_MS)) return;
    const combined = cache.aggregate(k, message, now, AGGREGATE_WINDOW_MS) > AGGREGATE_MAX_EVENTS;
    // The aggregate is one event whatever its latest message; others are keyed by their message.
    const seenKey = combined ? COMBINED : message;
    if (combined) message = `(combined from similar events): ${message}`;
    const namespace = key.namespace || 'default';
    const ts = this.clock.timestamp(now);
    const prev = cache.getSeen(k, seenKey);
    // Whatever a request sets off may record events too: a slot is looked up again after one if any was freed.
    let frees = cache.frees;
    if (prev !== NONE && now - cache.seenTime(prev) <= AGGREGATE_WINDOW_MS) {
      const r = this.api({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'events',
        namespace,
        name: cache.seenName(prev),
        contentType: 'application/strategic-merge-patch+json',
        body: { count: cache.repeat(prev, now), lastTimestamp: ts, message },
      });
      if (r.status < 400) return;
      // The event was deleted meanwhile: record afresh.
      if (cache.frees !== frees) k = cache.find(key, type, reason);
      if (k !== NONE) cache.deleteSeen(k, seenKey);
      frees = cache.frees;
    }
    const name = `${meta.name}.${this.uniqueNanoHex(now)}`;
    const involvedObject: Record<string, string> = {};
    // ObjectReference's field order; absent fields are left out.
    if (obj.kind !== undefined) involvedObject.kind = obj.kind;
    if (meta.namespace !== undefined) involvedObject.namespace = meta.namespace;
    if (meta.name !== undefined) involvedObject.name = meta.name;
    if (meta.uid !== undefined) involvedObject.uid = meta.uid;
    if (obj.apiVersion !== undefined) involvedObject.apiVersion = obj.apiVersion;
    if (meta.resourceVersion !== undefined) involvedObject.resourceVersion = meta.resourceVersion;
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: { ...this.source },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
    const r = this.api({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace, body });
    if (r.status >= 400) return;
    if (k === NONE || cache.frees !== frees) k = cache.key(key, type, reason);
    cache.setSeen(k, seenKey, name, now);
  }

  /** Event names carry the time in hex nanoseconds (`%x` of UnixNano), kept unique per recorder. */
  private uniqueNanoHex(nowMs: number): string {
    // Unique across every recorder of the cluster (one clock), as nanosecond clocks make them upstream.
    let nano = BigInt(Math.floor(nowMs)) * 1_000_000n;
    const last = LAST_NANO.get(this.clock) ?? 0n;
    if (nano <= last) nano = last + 1n;
    LAST_NANO.set(this.clock, nano);
    return nano.toString(16);
  }
}
