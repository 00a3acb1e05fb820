/**
 * The timeline panel's own state (one per cluster session, so switching dock
 * tabs loses nothing): the entries held, filters, follow mode, the entry in
 * focus and the side pane (entry detail, changes, object diff, session).
 * Cluster objects, the selection and time travel live in the cluster store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Changes, ObjectDiff, TimelineEntry, TimelineInfo } from '../../workers/timeline/types';
import { EMPTY_FEED, FOLLOWING, followReducer, type Feed, type FollowEvent, type FollowState } from './model/feed';
import { NO_FILTER, type TimelineFilter } from './model/filter';

export type Loadable<T> = { phase: 'loading' } | { phase: 'ready'; value: T } | { phase: 'failed'; message: string };

export type SidePane = 'entry' | 'changes' | 'diff';

export interface DiffTarget {
  key: string;
  /** `Deployment default/web`. */
  label: string;
  revA: number;
  revB: number;
}

export type SessionState =
  | { phase: 'idle' }
  | { phase: 'exporting' }
  | { phase: 'exported'; fileName: string; historyHash: string; revision: number }
  | { phase: 'replaying'; fileName: string; tasks: number }
  | { phase: 'replayed'; fileName: string; text: string; historyHash: string; matches: boolean }
  | { phase: 'failed'; message: string };

export interface TimelineState {
  info: TimelineInfo | null;
  /** Every entry (up to the page's cap), unfiltered: component filters and the scrubber read it. */
  feed: Feed;
  /** Entries that wrote the filtered object, answered by the worker; null without an object filter. */
  objectFeed: Feed | null;
  filter: TimelineFilter;
  follow: FollowState;
  selectedId: number | null;
  detail: { id: number; state: Loadable<TimelineEntry> } | null;
  pane: SidePane;
  /** In a narrow dock the list and the details take turns: which one shows. */
  narrowView: 'list' | 'side';
  changes: { revA: number; revB: number; state: Loadable<Changes> } | null;
  diff: { target: DiffTarget; state: Loadable<ObjectDiff> } | null;
  session: SessionState;
  /** The last failure talking to the worker's timeline, shown in the panel. */
  error: string | null;
}

export type TimelineStore = StoreApi<TimelineState>;

export function initialTimelineState(): TimelineState {
  return {
    info: null,
    feed: EMPTY_FEED,
    objectFeed: null,
    filter: NO_FILTER,
    follow: FOLLOWING,
    selectedId: null,
    detail: null,
    pane: 'entry',
    narrowView: 'list',
    changes: null,
    diff: null,
    session: { phase: 'idle' },
    error: null,
  };
}

export function createTimelineStore(): TimelineStore {
  return createStore<TimelineState>()(() => initialTimelineState());
}

export function dispatchFollow(store: TimelineStore, e: FollowEvent): void {
  const cur = store.getState().follow;
  const next = followReducer(cur, e);
  if (next !== cur) store.setState({ follow: next });
}

const stores = new WeakMap<object, TimelineStore>();

/** The panel state for one cluster session. */
export function timelineStoreFor(session: object): TimelineStore {
  let s = stores.get(session);
  if (!s) {
    s = createTimelineStore();
    stores.set(session, s);
  }
  return s;
}
