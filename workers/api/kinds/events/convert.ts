/**
 * events.k8s.io/v1 Event ⇄ core/v1 Event: one stored object seen through two
 * APIs (pkg/apis/events/v1/conversion.go): regarding ⇄ involvedObject,
 * note ⇄ message, deprecated* ⇄ the core timestamps, count and source,
 * reportingController ⇄ reportingComponent.
 */
import type { KubeObject } from '../../object';

type Obj = Record<string, unknown>;

const SAME = ['reason', 'type', 'action', 'related', 'series', 'eventTime', 'reportingInstance'];

export function eventsV1ToCore(e: KubeObject): KubeObject {
  const src = e as Obj;
  const out: Obj = { apiVersion: 'v1', kind: 'Event', metadata: e.metadata };
  for (const k of SAME) if (src[k] !== undefined) out[k] = src[k];
  if (src.regarding !== undefined) out.involvedObject = src.regarding;
  if (src.note !== undefined) out.message = src.note;
  if (src.deprecatedSource !== undefined) out.source = src.deprecatedSource;
  if (src.deprecatedFirstTimestamp !== undefined) out.firstTimestamp = src.deprecatedFirstTimestamp;
  if (src.deprecatedLastTimestamp !== undefined) out.lastTimestamp = src.deprecatedLastTimestamp;
  if (src.deprecatedCount !== undefined) out.count = src.deprecatedCount;
  if (src.reportingController !== undefined) out.reportingComponent = src.reportingController;
  return out as KubeObject;
}

export function coreToEventsV1(e: KubeObject): KubeObject {
  const src = e as Obj;
  const out: Obj = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: e.metadata };
  for (const k of SAME) if (src[k] !== undefined) out[k] = src[k];
  if (src.involvedObject !== undefined) out.regarding = src.involvedObject;
  if (src.message !== undefined) out.note = src.message;
  if (src.source !== undefined && Object.keys(src.source as Obj).length) out.deprecatedSource = src.source;
  if (src.firstTimestamp) out.deprecatedFirstTimestamp = src.firstTimestamp;
  if (src.lastTimestamp) out.deprecatedLastTimestamp = src.lastTimestamp;
  if (src.count) out.deprecatedCount = src.count;
  if (src.reportingComponent !== undefined) out.reportingController = src.reportingComponent;
  if (out.eventTime === undefined) out.eventTime = null;
  return out as KubeObject;
}
