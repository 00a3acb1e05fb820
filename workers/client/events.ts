/**
 * Records core/v1 Events for a component, with client-go's EventCorrelator
 * (staging/src/k8s.io/client-go/tools/record/events_cache.go):
 * - a spam filter per object and reason (token bucket: burst 25, one more every 5 minutes),
 * - an aggregator: from the 11th similar event (same object, type, reason,
 *   other message) within ten minutes, one event "(combined from similar events): …",
 * - a logger: repeats of the same event bump `count` and `lastTimestamp`
 *   of the first one instead of creating a new object.
 * Each keeps an LRU cache of LRU_CACHE_ENTRIES, so a recorder's memory is
 * bounded however many objects it reports on (10,000 pods, 40,000 events).
 */
import type { Clock } from '../clock/clock';
import type { KubeObject } from '../api/object';
import type { ApiRequest, ApiResponse } from '../api/request';
import { Lru } from './lru';

export type EventType = 'Normal' | 'Warning';

const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;
const AGGREGATE_MAX_EVENTS = 10;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 5 * 60 * 1000;
/** maxLruCacheEntries: each of the correlator's caches forgets its least recently used entries beyond this. */
export const LRU_CACHE_ENTRIES = 4096;

interface Seen {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  at: number;
}

const LAST_NANO = new WeakMap<Clock, bigint>();

export class EventRecorder {
  private seen = new Lru<Seen>(LRU_CACHE_ENTRIES);
  private similar = new Lru<{ messages: Set<string>; at: number }>(LRU_CACHE_ENTRIES);
  private spam = new Lru<{ tokens: number; at: number }>(LRU_CACHE_ENTRIES);

  constructor(
    private readonly clock: Clock,
    private readonly api: (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse,
    /** `source.component`, e.g. `replicaset-controller`, `default-scheduler`, `kubelet`. */
    private readonly component: string,
    /** `source.host` for node components. */
    private readonly host?: string,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const ref = {
      kind: obj.kind,
      namespace: meta.namespace,
      name: meta.name,
      uid: meta.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: meta.resourceVersion,
    };
    const now = this.clock.now();
    const objectKey = [this.component, this.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid, ref.apiVersion].join('\u0000');
    if (!this.allow(`${objectKey}\u0000${type}\u0000${reason}`, now)) return;
    const aggregateKey = `${objectKey}\u0000${type}\u0000${reason}`;
    let group = this.similar.get(aggregateKey);
    if (!group || now - group.at > AGGREGATE_WINDOW_MS) this.similar.set(aggregateKey, (group = { messages: new Set(), at: now }));
    group.at = now;
    group.messages.add(message);
    const combined = group.messages.size > AGGREGATE_MAX_EVENTS;
    if (combined) message = `(combined from similar events): ${message}`;
    // The aggregate is one event whatever its latest message; others are keyed by their message.
    const key = combined ? `${aggregateKey}\u0000*` : `${aggregateKey}\u0000${message}`;
    const ts = this.clock.timestamp(now);
    const prev = this.seen.get(key);
    if (prev && now - prev.at <= AGGREGATE_WINDOW_MS) {
      prev.count++;
      prev.at = now;
      const r = this.api({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'events',
        namespace: prev.namespace,
        name: prev.name,
        contentType: 'application/strategic-merge-patch+json',
        body: { count: prev.count, lastTimestamp: ts, message },
      });
      if (r.status < 400) return;
      this.seen.delete(key); // the event was deleted meanwhile: record afresh
    }
    const name = `${meta.name}.${this.uniqueNanoHex(now)}`;
    const source: Record<string, string> = { component: this.component };
    if (this.host) source.host = this.host;
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined)),
      reason,
      message,
      source,
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
    const r = this.api({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace, body });
    if (r.status < 400) this.seen.set(key, { name, namespace, count: 1, firstTimestamp: ts, at: now });
  }

  /** The spam filter's token bucket for one object and reason. */
  private allow(key: string, now: number): boolean {
    let b = this.spam.get(key);
    if (!b) this.spam.set(key, (b = { tokens: SPAM_BURST, at: now }));
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
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
