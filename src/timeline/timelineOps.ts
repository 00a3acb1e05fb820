/**
 * What the panel asks the worker, and how the answers land in the panel store.
 * Plain async functions over (store, client) so tests can drive them with a fake timeline.
 */
import type { TimelineEntrySummary, TimelineQuery } from '../../workers/timeline/types';
import type { TimelineClient } from '../cluster/timelineClient';
import { receiveNewer, receiveOlder, resetFeed, type Feed } from './model/feed';
import { objectQuery, type TimelineFilter } from './model/filter';
import { dispatchFollow, type DiffTarget, type TimelineStore } from './timelineStore';

/** Entries asked for in one go: the first load and each poll. */
export const PAGE = 1000;

type Tl = Pick<TimelineClient, 'timelineInfo' | 'timeline' | 'timelineEntry' | 'changes' | 'diff'>;

function messageOf(status: { message?: string; code: number }): string {
  return status.message ?? `timeline request failed (${status.code})`;
}

/** One feed brought up to date: a first page (newest first) for a new generation, else what came after its cursor. */
async function refresh(tl: Tl, feed: Feed | null, generation: number, newestId: number, extra: TimelineQuery): Promise<{ feed: Feed; added: TimelineEntrySummary[] } | { error: string }> {
  if (!feed || feed.generation !== generation) {
    const p = await tl.timeline({ ...extra, direction: 'older', limit: PAGE });
    if (!p.ok) return { error: messageOf(p.status) };
    const f = receiveNewer(receiveOlder(resetFeed(generation), p.value.entries, p.value.next !== undefined), [], newestId);
    return { feed: f, added: [...f.entries] };
  }
  if (newestId <= feed.cursor) return { feed, added: [] };
  const p = await tl.timeline({ ...extra, from: feed.cursor, direction: 'newer', limit: PAGE });
  if (!p.ok) return { error: messageOf(p.status) };
  const next = receiveNewer(feed, p.value.entries, p.value.next === undefined ? newestId : undefined);
  const added = p.value.entries.filter((e) => e.id > (feed.entries.at(-1)?.id ?? 0));
  return { feed: next, added };
}

/** One poll: info, then new entries for the feed and the object feed. */
export async function pollTimeline(store: TimelineStore, tl: Tl): Promise<void> {
  const i = await tl.timelineInfo();
  if (!i.ok) {
    store.setState({ error: messageOf(i.status) });
    return;
  }
  const info = i.value;
  const before = store.getState();
  const replaced = before.feed.generation !== info.generation;
  const newest = info.newestId ?? 0;
  const main = await refresh(tl, before.feed, info.generation, newest, {});
  if ('error' in main) {
    store.setState({ info, error: main.error });
    return;
  }
  const filter = store.getState().filter;
  const q = objectQuery(filter);
  let objectFeed: Feed | null = null;
  let objectAdded: TimelineEntrySummary[] = [];
  if (q) {
    const cur = store.getState().objectFeed;
    const r = await refresh(tl, cur, info.generation, newest, q);
    if ('error' in r) {
      store.setState({ info, feed: main.feed, error: r.error });
      return;
    }
    objectFeed = r.feed;
    objectAdded = r.added;
  }
  // A filter changed while we were asking: the next poll starts its feed afresh.
  if (store.getState().filter !== filter) objectFeed = store.getState().objectFeed;
  const patch: Partial<ReturnType<TimelineStore['getState']>> = { info, feed: main.feed, objectFeed, error: null };
  if (replaced) Object.assign(patch, { selectedId: null, detail: null, changes: null, diff: null, pane: 'entry' as const });
  store.setState(patch);
  const arrived = q ? objectAdded.length : main.added.length;
  if (!replaced && arrived > 0) dispatchFollow(store, { type: 'arrived', count: arrived });
}

/** Older entries for the list (the user scrolled to the top of what is held). */
export async function loadOlder(store: TimelineStore, tl: Tl): Promise<void> {
  const s = store.getState();
  const q = objectQuery(s.filter);
  const feed = q ? s.objectFeed : s.feed;
  if (!feed || !feed.hasOlder || feed.entries.length === 0) return;
  const p = await tl.timeline({ ...(q ?? {}), from: feed.entries[0].id, direction: 'older', limit: PAGE });
  if (!p.ok) {
    store.setState({ error: messageOf(p.status) });
    return;
  }
  const cur = store.getState();
  const target = q ? cur.objectFeed : cur.feed;
  if (!target || target.generation !== feed.generation) return;
  const next = receiveOlder(target, p.value.entries, p.value.next !== undefined);
  store.setState(q ? { objectFeed: next } : { feed: next });
}

export function setFilter(store: TimelineStore, filter: TimelineFilter): void {
  const cur = store.getState().filter;
  const objectChanged = (cur.object?.object ?? null) !== (filter.object?.object ?? null);
  store.setState({ filter, ...(objectChanged ? { objectFeed: null } : {}) });
  dispatchFollow(store, { type: 'jumpToLatest' });
}

/** Loads one entry's writes and decision into the side pane. */
export async function openEntry(store: TimelineStore, tl: Tl, id: number) {
  store.setState({ selectedId: id, detail: { id, state: { phase: 'loading' } }, pane: 'entry', narrowView: 'side' });
  const r = await tl.timelineEntry(id);
  if (store.getState().detail?.id !== id) return undefined;
  if (!r.ok) {
    store.setState({ detail: { id, state: { phase: 'failed', message: messageOf(r.status) } } });
    return undefined;
  }
  store.setState({ detail: { id, state: { phase: 'ready', value: r.value } } });
  return r.value;
}

export async function loadChanges(store: TimelineStore, tl: Tl, revA: number, revB: number): Promise<void> {
  store.setState({ pane: 'changes', narrowView: 'side', changes: { revA, revB, state: { phase: 'loading' } } });
  const r = await tl.changes(revA, revB);
  const cur = store.getState().changes;
  if (!cur || cur.revA !== revA || cur.revB !== revB) return;
  store.setState({ changes: { revA, revB, state: r.ok ? { phase: 'ready', value: r.value } : { phase: 'failed', message: messageOf(r.status) } } });
}

export async function loadDiff(store: TimelineStore, tl: Tl, target: DiffTarget): Promise<void> {
  store.setState({ pane: 'diff', narrowView: 'side', diff: { target, state: { phase: 'loading' } } });
  const r = await tl.diff(target.key, target.revA, target.revB);
  if (store.getState().diff?.target !== target) return;
  store.setState({ diff: { target, state: r.ok ? { phase: 'ready', value: r.value } : { phase: 'failed', message: messageOf(r.status) } } });
}
