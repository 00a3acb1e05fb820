/**
 * The entries the panel holds, oldest first, and follow mode: newest at the
 * bottom, the list sticking to it until the user scrolls up, and picking up
 * again when they scroll back down. Pure reducers over plain data; the hook
 * (`useTimelineFeed.ts`) feeds them worker pages.
 */
import type { TimelineEntrySummary } from '../../../workers/timeline/types';

/** Summaries kept in the page; older ones are dropped from the front (the worker keeps more). */
export const MAX_FEED_ENTRIES = 20_000;

export interface Feed {
  /** The cluster generation these entries belong to (a fork or replay starts a new one). */
  generation: number;
  /** Oldest first, ids strictly ascending. */
  entries: readonly TimelineEntrySummary[];
  /** The newest entry id the worker had when last asked: the next poll asks for entries after it. */
  cursor: number;
  /** Older entries exist beyond the first one held. */
  hasOlder: boolean;
}

export const EMPTY_FEED: Feed = { generation: -1, entries: [], cursor: 0, hasOlder: false };

export function resetFeed(generation: number): Feed {
  return { generation, entries: [], cursor: 0, hasOlder: false };
}

function lastId(entries: readonly TimelineEntrySummary[]): number {
  return entries.length ? entries[entries.length - 1].id : 0;
}

/** Appends entries newer than the newest held (in any order, duplicates dropped); `cursor` moves to `upTo` or the newest. */
export function receiveNewer(feed: Feed, page: readonly TimelineEntrySummary[], upTo?: number, max = MAX_FEED_ENTRIES): Feed {
  const after = lastId(feed.entries);
  const fresh = page.filter((e) => e.id > after).sort((a, b) => a.id - b.id);
  const deduped: TimelineEntrySummary[] = [];
  for (const e of fresh) if (deduped.length === 0 || deduped[deduped.length - 1].id !== e.id) deduped.push(e);
  const cursor = Math.max(feed.cursor, upTo ?? 0, lastId(deduped));
  if (deduped.length === 0) return cursor === feed.cursor ? feed : { ...feed, cursor };
  let entries = feed.entries.concat(deduped);
  let hasOlder = feed.hasOlder;
  if (entries.length > max) {
    entries = entries.slice(entries.length - max);
    hasOlder = true;
  }
  return { ...feed, entries, cursor, hasOlder };
}

/** Prepends an older page (newest first, as the worker pages `older`); `more` says whether the worker has still older ones. */
export function receiveOlder(feed: Feed, page: readonly TimelineEntrySummary[], more: boolean): Feed {
  const first = feed.entries.length ? feed.entries[0].id : Number.POSITIVE_INFINITY;
  const older = page.filter((e) => e.id < first).sort((a, b) => a.id - b.id);
  const entries = older.length ? older.concat(feed.entries) : feed.entries;
  const cursor = feed.entries.length ? feed.cursor : Math.max(feed.cursor, lastId(entries));
  return { ...feed, entries, cursor, hasOlder: more };
}

/** How close to the bottom (px) still counts as "at the bottom". */
export const FOLLOW_SLACK_PX = 24;

export function isAtBottom(scrollTop: number, scrollHeight: number, clientHeight: number, slack = FOLLOW_SLACK_PX): boolean {
  return scrollHeight - scrollTop - clientHeight <= slack;
}

export interface FollowState {
  follow: boolean;
  /** New entries that arrived while not following (the "N new" pill). */
  unseen: number;
}

export const FOLLOWING: FollowState = { follow: true, unseen: 0 };

export type FollowEvent =
  | { type: 'scrolled'; atBottom: boolean }
  | { type: 'arrived'; count: number }
  | { type: 'jumpToLatest' }
  /** The user picked an entry: keep it in view, stop following. */
  | { type: 'picked' };

export function followReducer(s: FollowState, e: FollowEvent): FollowState {
  switch (e.type) {
    case 'scrolled':
      if (e.atBottom) return s.follow && s.unseen === 0 ? s : FOLLOWING;
      return s.follow ? { follow: false, unseen: 0 } : s;
    case 'arrived':
      if (s.follow || e.count <= 0) return s;
      return { follow: false, unseen: s.unseen + e.count };
    case 'jumpToLatest':
      return s.follow && s.unseen === 0 ? s : FOLLOWING;
    case 'picked':
      return s.follow ? { follow: false, unseen: 0 } : s;
  }
}

/** Rows of a fixed-height virtual list to render, with `overscan` rows either side. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 6): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
