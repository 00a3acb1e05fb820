/** Paging through the timeline, newest first or oldest first, filtered by component and object. */
import type { Recorder } from './recorder';
import type { TimelinePage, TimelineQuery, TimelineResult } from './types';
import { invalidInput, ok } from './errors';
import { summaryOf, touches } from './entries';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** `kubelet` matches `kubelet` and every `kubelet/<node>`; `kubelet/` every kubelet; anything else exactly. */
export function componentMatches(component: string, wanted: string): boolean {
  if (wanted.endsWith('/')) return component.startsWith(wanted);
  return component === wanted || component.startsWith(`${wanted}/`);
}

export function pageOf(recorder: Recorder, q: TimelineQuery = {}): TimelineResult<TimelinePage> {
  if (typeof q !== 'object' || q === null) return invalidInput('query must be an object');
  const limit = q.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return invalidInput(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${JSON.stringify(q.limit)}`);
  const direction = q.direction ?? 'older';
  if (direction !== 'older' && direction !== 'newer') return invalidInput(`direction must be "older" or "newer", got ${JSON.stringify(q.direction)}`);
  if (q.from !== undefined && (!Number.isInteger(q.from) || q.from < 0)) return invalidInput(`from must be an entry id (a non-negative integer), got ${JSON.stringify(q.from)}`);
  if (q.component !== undefined && typeof q.component !== 'string') return invalidInput('component must be a string');
  if (q.object !== undefined && (typeof q.object !== 'string' || !q.object)) return invalidInput('object must be a store key (/registry/...) or a uid');

  const store = recorder.cluster.store;
  const step = direction === 'older' ? -1 : 1;
  const oldest = recorder.oldestId;
  const newest = recorder.newestId;
  let id = q.from !== undefined ? q.from + step : direction === 'older' ? newest : oldest;
  if (id < oldest) id = direction === 'newer' ? oldest : id;
  if (id > newest) id = direction === 'older' ? newest : id;
  const entries = [];
  for (; id >= oldest && id <= newest; id += step) {
    const rec = recorder.get(id);
    if (!rec) continue;
    if (q.writesOnly && !rec.revisions.length) continue;
    if (q.component && !componentMatches(rec.component, q.component)) continue;
    if (q.object && !touches(store, rec, q.object)) continue;
    entries.push(summaryOf(recorder, rec));
    if (entries.length === limit) break;
  }
  const page: TimelinePage = { entries };
  const last = entries[entries.length - 1];
  if (entries.length === limit && last && last.id + step >= oldest && last.id + step <= newest) page.next = last.id;
  return ok(page);
}
