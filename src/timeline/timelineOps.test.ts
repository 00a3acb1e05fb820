import { describe, it, expect } from 'vitest';
import type { TimelineEntrySummary, TimelineInfo, TimelinePage, TimelineQuery, TimelineResult } from '../../workers/timeline/types';
import { entry } from './model/fixtures';
import { loadOlder, pollTimeline, setFilter } from './timelineOps';
import { createTimelineStore, dispatchFollow } from './timelineStore';

/** A worker timeline over an array of entries, paging as the real one does. */
function fakeTimeline() {
  const state = { generation: 1, entries: [] as TimelineEntrySummary[], uidOf: new Map<number, string>() };
  const queries: TimelineQuery[] = [];
  const ok = <T>(value: T): TimelineResult<T> => ({ ok: true, value });
  const tl = {
    async timelineInfo(): Promise<TimelineResult<TimelineInfo>> {
      const e = state.entries;
      return ok({ generation: state.generation, entries: e.length, oldestId: e[0]?.id, newestId: e.at(-1)?.id, capacity: 50_000, dropped: 0, revision: 100, compactedRevision: 0, tasksRun: e.length, now: 0 });
    },
    async timeline(q: TimelineQuery = {}): Promise<TimelineResult<TimelinePage>> {
      queries.push(q);
      const limit = q.limit ?? 100;
      let list = state.entries.filter((e) => !q.object || state.uidOf.get(e.id) === q.object);
      if ((q.direction ?? 'older') === 'older') {
        list = list.filter((e) => q.from === undefined || e.id < q.from).reverse();
      } else list = list.filter((e) => q.from === undefined || e.id > q.from);
      const page = list.slice(0, limit);
      return ok({ entries: page, ...(list.length > limit ? { next: page.at(-1)!.id } : {}) });
    },
    timelineEntry: async () => ({ ok: false, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, message: 'no' } }),
    changes: async () => ok({ revA: 0, revB: 0, objects: [] }),
    diff: async () => ok({ key: '', revA: 0, revB: 0, lines: [] }),
  } as const;
  return { state, queries, tl: tl as unknown as Parameters<typeof pollTimeline>[1] };
}

const ids = (es: readonly { id: number }[]) => es.map((e) => e.id);

describe('pollTimeline', () => {
  it('loads the newest page first, then only what is new', async () => {
    const { state, tl, queries } = fakeTimeline();
    state.entries = [1, 2, 3].map((i) => entry(i));
    const store = createTimelineStore();
    await pollTimeline(store, tl);
    expect(ids(store.getState().feed.entries)).toEqual([1, 2, 3]);
    expect(queries[0]).toMatchObject({ direction: 'older' });
    state.entries.push(entry(4), entry(5));
    await pollTimeline(store, tl);
    expect(ids(store.getState().feed.entries)).toEqual([1, 2, 3, 4, 5]);
    expect(queries[1]).toMatchObject({ from: 3, direction: 'newer' });
    // Nothing new: no page asked for.
    await pollTimeline(store, tl);
    expect(queries).toHaveLength(2);
  });

  it('counts arrivals while the user is scrolled away', async () => {
    const { state, tl } = fakeTimeline();
    state.entries = [entry(1)];
    const store = createTimelineStore();
    await pollTimeline(store, tl);
    dispatchFollow(store, { type: 'scrolled', atBottom: false });
    state.entries.push(entry(2), entry(3));
    await pollTimeline(store, tl);
    expect(store.getState().follow).toEqual({ follow: false, unseen: 2 });
  });

  it('starts over when the cluster is replaced (fork, replay)', async () => {
    const { state, tl } = fakeTimeline();
    state.entries = [1, 2, 3].map((i) => entry(i));
    const store = createTimelineStore();
    await pollTimeline(store, tl);
    store.setState({ selectedId: 2 });
    state.generation = 2;
    state.entries = [entry(1, { narration: 'new world' })];
    await pollTimeline(store, tl);
    expect(store.getState().feed.generation).toBe(2);
    expect(store.getState().feed.entries.map((e) => e.narration)).toEqual(['new world']);
    expect(store.getState().selectedId).toBeNull();
  });

  it('the object filter keeps its own feed from the worker', async () => {
    const { state, tl, queries } = fakeTimeline();
    state.entries = [1, 2, 3, 4].map((i) => entry(i));
    state.uidOf.set(2, 'pod-a').set(4, 'pod-a');
    const store = createTimelineStore();
    await pollTimeline(store, tl);
    setFilter(store, { component: null, writesOnly: false, object: { object: 'pod-a', label: 'Pod default/a' } });
    await pollTimeline(store, tl);
    expect(ids(store.getState().objectFeed?.entries ?? [])).toEqual([2, 4]);
    expect(queries.at(-1)).toMatchObject({ object: 'pod-a', direction: 'older' });
    state.entries.push(entry(5), entry(6));
    state.uidOf.set(6, 'pod-a');
    await pollTimeline(store, tl);
    expect(ids(store.getState().objectFeed?.entries ?? [])).toEqual([2, 4, 6]);
    setFilter(store, { component: null, writesOnly: false, object: null });
    expect(store.getState().objectFeed).toBeNull();
  });

  it('reports a refused info call instead of throwing', async () => {
    const { tl } = fakeTimeline();
    const store = createTimelineStore();
    const broken = { ...tl, timelineInfo: async () => ({ ok: false as const, status: { kind: 'Status' as const, apiVersion: 'v1' as const, metadata: {}, status: 'Failure' as const, code: 500, message: 'cluster not started' } }) };
    await pollTimeline(store, broken);
    expect(store.getState().error).toBe('cluster not started');
  });
});

describe('loadOlder', () => {
  it('pages backwards from the oldest entry held', async () => {
    const { state, tl } = fakeTimeline();
    state.entries = Array.from({ length: 1500 }, (_, i) => entry(i + 1));
    const store = createTimelineStore();
    await pollTimeline(store, tl);
    expect(store.getState().feed.entries).toHaveLength(1000);
    expect(store.getState().feed.hasOlder).toBe(true);
    await loadOlder(store, tl);
    expect(store.getState().feed.entries).toHaveLength(1500);
    expect(store.getState().feed.entries[0].id).toBe(1);
    expect(store.getState().feed.hasOlder).toBe(false);
  });
});
