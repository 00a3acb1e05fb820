/**
 * Records core/v1 Events for a component, with client-go's correlation:
 * repeats of the same event (same object, type, reason, message, source)
 * within ten minutes bump `count` and `lastTimestamp` of the first one
 * instead of creating a new object (staging/src/k8s.io/client-go/tools/record/events_cache.go).
 */
import type { Clock } from '../clock/clock';
import type { KubeObject } from '../api/object';
import type { ApiRequest, ApiResponse } from '../api/request';

export type EventType = 'Normal' | 'Warning';

const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;

interface Seen {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  at: number;
}

export class EventRecorder {
  private seen = new Map<string, Seen>();
  private lastNano = 0n;

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
    const key = [this.component, this.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid, type, reason, message].join('\u0000');
    const now = this.clock.now();
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

  /** Event names carry the time in hex nanoseconds (`%x` of UnixNano), kept unique per recorder. */
  private uniqueNanoHex(nowMs: number): string {
    let nano = BigInt(Math.floor(nowMs)) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }
}
