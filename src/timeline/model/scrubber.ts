/**
 * The scrubber's arithmetic: which revisions it spans, and the virtual time of
 * a revision, read from the entries that wrote them (an entry's writes share
 * its task's time).
 */
import type { TimelineEntrySummary, TimelineInfo } from '../../../workers/timeline/types';

export interface RevisionIndex {
  /** For each entry that wrote something, in order: its first and last revision, time and id. */
  first: number[];
  last: number[];
  time: number[];
  id: number[];
}

export function buildRevisionIndex(entries: readonly TimelineEntrySummary[]): RevisionIndex {
  const idx: RevisionIndex = { first: [], last: [], time: [], id: [] };
  for (const e of entries) {
    const n = e.revisions.length;
    if (n === 0) continue;
    idx.first.push(e.revisions[0]);
    idx.last.push(e.revisions[n - 1]);
    idx.time.push(e.time);
    idx.id.push(e.id);
  }
  return idx;
}

/** Position of the last writing entry whose first revision is ≤ revision, or -1. */
function lastAtOrBefore(idx: RevisionIndex, revision: number): number {
  let lo = 0;
  let hi = idx.first.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (idx.first[mid] <= revision) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Virtual time of the write that made `revision` (or the last one before it); undefined when the entries held do not reach back that far. */
export function timeAtRevision(idx: RevisionIndex, revision: number): number | undefined {
  const i = lastAtOrBefore(idx, revision);
  return i < 0 ? undefined : idx.time[i];
}

/** The entry that wrote `revision` (or the last one before it). */
export function entryAtRevision(idx: RevisionIndex, revision: number): number | undefined {
  const i = lastAtOrBefore(idx, revision);
  return i < 0 ? undefined : idx.id[i];
}

/** The revision the page shows after an entry ran: its last write, or the last write before it. */
export function revisionAfterEntry(entries: readonly TimelineEntrySummary[], id: number): number | undefined {
  let rev: number | undefined;
  for (const e of entries) {
    if (e.id > id) break;
    if (e.revisions.length) rev = e.revisions[e.revisions.length - 1];
  }
  return rev;
}

/** The revisions one can scrub to: history that is still there (after compaction) up to now. */
export function scrubRange(info: Pick<TimelineInfo, 'revision' | 'compactedRevision'>): { min: number; max: number } {
  const max = Math.max(1, info.revision);
  const min = Math.min(max, Math.max(1, info.compactedRevision));
  return { min, max };
}

/** Keeps a requested revision inside the range (a slider can ask for anything while history is compacted under it). */
export function clampRevision(revision: number, range: { min: number; max: number }): number {
  if (!Number.isFinite(revision)) return range.max;
  return Math.min(range.max, Math.max(range.min, Math.round(revision)));
}

/** `00:01:23`: virtual time since the cluster started, as the banner says it. */
export function formatElapsed(ms: number, epochMs: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(epochMs)) return '--:--:--';
  const total = Math.max(0, Math.floor((ms - epochMs) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
