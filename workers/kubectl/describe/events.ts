/**
 * The Events section: describe.go searchEvents (a field selector on the
 * involved object) and DescribeEvents (oldest last-seen first, ages like
 * `3m2s (x4 over 10m)`).
 */
import { escapeFieldValue } from '../../api/selectors/fields';
import { parseTimestamp } from '../../api/printers/duration';
import { CORE, tryListAll, type DescribeContext } from './fetch';
import { since, type Json } from './format';
import { goSort } from './goSort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

export interface EventRef {
  name: string;
  namespace: string;
  /** '' leaves the kind out of the selector (the pod describer does so). */
  kind: string;
  uid: string;
}

/** reference.GetReference of a fetched object. */
export function refOf(obj: Json, kind: string): EventRef {
  const m = (obj.metadata ?? {}) as { name?: string; namespace?: string; uid?: string };
  return { name: m.name ?? '', namespace: m.namespace ?? '', kind, uid: m.uid ?? '' };
}

/** Events about `ref`; undefined when they could not be listed (upstream then shows none). */
export async function searchEvents(ctx: DescribeContext, ref: EventRef): Promise<Json[] | undefined> {
  // EventInterface.GetFieldSelector: fields.Set → sorted `key=value` terms.
  const terms: [string, string][] = [
    ['involvedObject.name', ref.name],
    ['involvedObject.namespace', ref.namespace],
  ];
  if (ref.kind) terms.push(['involvedObject.kind', ref.kind]);
  if (ref.uid) terms.push(['involvedObject.uid', ref.uid]);
  terms.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const fieldSelector = terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',');
  const r = await tryListAll(ctx, CORE('events'), ref.namespace, { fieldSelector });
  return 'items' in r ? r.items : undefined;
}

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
}

/** DescribeEvents */
export function describeEvents(events: Json[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: EventLike) => parseTimestamp(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  // event.SortableEvents: by last-seen time, with Go's (unstable, deterministic) sort.
  const sorted = goSort([...(events as EventLike[])], (a, b) => last(a) < last(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = parseTimestamp(e.eventTime) === undefined ? since(e.firstTimestamp, now) : since(e.eventTime, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingController || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
