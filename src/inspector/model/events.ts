/**
 * The Events section of `kubectl describe` for one object: events whose
 * involvedObject is that object, with describe's columns (Type, Reason, Age,
 * From, Message). Mirrors staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * DescribeEvents and formatEventSource. kubectl lists oldest first; the
 * inspector shows newest first, so the latest thing that happened is on top.
 */
import type { KubeObject } from '../../../workers/api/object';
import { humanDuration, parseTime } from './time';

export interface EventRow {
  uid: string;
  type: string;
  reason: string;
  age: string;
  from: string;
  message: string;
}

interface EventLike {
  metadata?: { uid?: string; name?: string; resourceVersion?: string; creationTimestamp?: string };
  involvedObject?: { uid?: string; kind?: string; name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
  series?: { count?: number; lastObservedTime?: string };
}

export interface InvolvedRef {
  uid?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** describe selects by involvedObject kind, name, namespace and uid; a missing uid on either side does not exclude. */
export function isAbout(event: KubeObject, ref: InvolvedRef): boolean {
  const o = (event as EventLike).involvedObject;
  if (!o) return false;
  if (ref.uid && o.uid && o.uid !== ref.uid) return false;
  return o.kind === ref.kind && o.name === ref.name && (o.namespace ?? '') === (ref.namespace ?? '');
}

/** describe.go eventTime, the sort key: the series' last time, else lastTimestamp, else eventTime. */
export function lastSeen(e: KubeObject): number | undefined {
  const ev = e as EventLike;
  if (ev.series) return parseTime(ev.series.lastObservedTime);
  return parseTime(ev.lastTimestamp) ?? parseTime(ev.eventTime);
}

const rv = (e: KubeObject) => Number((e as EventLike).metadata?.resourceVersion ?? 0) || 0;

/** Newest first; ties (several events in one second) by the order the API server stored them. */
export function compareNewestFirst(a: KubeObject, b: KubeObject): number {
  const ta = lastSeen(a) ?? 0;
  const tb = lastSeen(b) ?? 0;
  if (ta !== tb) return tb - ta;
  return rv(b) - rv(a);
}

/** describe.go: source.component, else the reporting controller (reportingComponent in JSON). */
export function eventSource(e: KubeObject): string {
  const ev = e as EventLike;
  return ev.source?.component || ev.reportingComponent || '';
}

const since = (ts: unknown, nowMs: number) => {
  const t = parseTime(ts);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
};

/** describe.go's Age column: when it first happened, or `3m (x4 over 10m)` for a repeated event. */
export function eventAge(e: KubeObject, nowMs: number): string {
  const ev = e as EventLike;
  const first = ev.eventTime ? since(ev.eventTime, nowMs) : since(ev.firstTimestamp, nowMs);
  if (ev.series) return `${since(ev.series.lastObservedTime, nowMs)} (x${ev.series.count ?? 0} over ${first})`;
  if ((ev.count ?? 0) > 1) return `${since(ev.lastTimestamp, nowMs)} (x${ev.count} over ${first})`;
  return first;
}

export function eventRows(events: Iterable<KubeObject>, ref: InvolvedRef, nowMs: number): EventRow[] {
  const mine: KubeObject[] = [];
  for (const e of events) if (isAbout(e, ref)) mine.push(e);
  return mine.sort(compareNewestFirst).map((e) => {
    const ev = e as EventLike;
    return {
      uid: ev.metadata?.uid ?? ev.metadata?.name ?? '',
      type: ev.type ?? '',
      reason: ev.reason ?? '',
      age: eventAge(e, nowMs),
      from: eventSource(e),
      message: (ev.message ?? '').trim(),
    };
  });
}
