/**
 * `kubectl get events`, for core/v1 and events.k8s.io/v1. Both groups are
 * served from one internal Event and one printer upstream (printers.go
 * printEvent), so an events.k8s.io object is first read back into the core
 * field names (pkg/apis/events/v1 conversion).
 */
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Event as EventsV1 } from 'kubernetes-types/events/v1';
import type { KubeObject } from '../object';
import { col } from './columns';
import { DOC } from './descriptions';
import { parseTimestamp, translateTimestampSince, humanDuration } from './duration';
import type { Printer } from './types';

/** translateMicroTimestampSince: MicroTime, same `<unknown>` for zero. */
function sinceMicro(ts: string | undefined, nowMs: number): string {
  const t = parseTimestamp(ts);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
}

/** formatEventSource: component (or reportingController), then host (or reportingInstance). */
function formatSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The printed cells of a core-shaped event. */
function eventCells(obj: KubeObject, e: CoreEvent, nowMs: number): unknown[] {
  let firstTimestamp = translateTimestampSince(e.firstTimestamp, nowMs);
  if (parseTimestamp(e.firstTimestamp) === undefined) firstTimestamp = sinceMicro(e.eventTime, nowMs);
  let lastTimestamp = translateTimestampSince(e.lastTimestamp, nowMs);
  if (parseTimestamp(e.lastTimestamp) === undefined) lastTimestamp = firstTimestamp;
  let count = e.count ?? 0;
  if (e.series) {
    lastTimestamp = sinceMicro(e.series.lastObservedTime, nowMs);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [
    lastTimestamp,
    e.type ?? '',
    e.reason ?? '',
    target,
    e.involvedObject?.fieldPath ?? '',
    formatSource(e),
    (e.message ?? '').trim(),
    firstTimestamp,
    count,
    obj.metadata.name,
  ];
}

const columns = [
  col('Last Seen', 'string', DOC['Event.lastTimestamp']),
  col('Type', 'string', DOC['Event.type']),
  col('Reason', 'string', DOC['Event.reason']),
  col('Object', 'string', DOC['Event.involvedObject']),
  col('Subobject', 'string', DOC['ObjectReference.fieldPath'], true),
  col('Source', 'string', DOC['Event.source'], true),
  col('Message', 'string', DOC['Event.message']),
  col('First Seen', 'string', DOC['Event.firstTimestamp'], true),
  col('Count', 'string', DOC['Event.count'], true),
  { name: 'Name', type: 'string' as const, format: 'name', description: DOC['ObjectMeta.name'], priority: 1 },
];

export const eventPrinter: Printer = {
  columns,
  row(obj: KubeObject, nowMs: number) {
    return eventCells(obj, obj as unknown as CoreEvent, nowMs);
  },
};

/** events.k8s.io/v1 field names back to the core ones the printer reads. */
export function eventsV1ToCore(e: EventsV1): CoreEvent {
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    type: e.type,
    eventTime: e.eventTime,
    series: e.series ? { count: e.series.count, lastObservedTime: e.series.lastObservedTime } : undefined,
    action: e.action,
    related: e.related,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

export const eventsV1Printer: Printer = {
  columns,
  row(obj: KubeObject, nowMs: number) {
    return eventCells(obj, eventsV1ToCore(obj as unknown as EventsV1), nowMs);
  },
};
