import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useClusterSession, useClusterState } from '../cluster/ClusterContext';
import type { TimelineClient } from '../cluster/timelineClient';
import { applyFilter } from './model/filter';
import { pollTimeline } from './timelineOps';
import { timelineStoreFor, type TimelineState, type TimelineStore } from './timelineStore';

/** How often the panel asks for new entries while it is open. */
export const POLL_MS = 300;

export function useTimelineStore(): TimelineStore {
  return timelineStoreFor(useClusterSession());
}

export function useTimeline<T>(selector: (s: TimelineState) => T): T {
  return useStore(useTimelineStore(), selector);
}

export function useTimelineClient(): TimelineClient {
  return useClusterSession().client.timeline;
}

/** Keeps the panel's entries current while it is mounted; polls at once after each step. */
export function useTimelinePolling(): void {
  const store = useTimelineStore();
  const tl = useTimelineClient();
  const stepSeq = useClusterState((s) => s.narration?.seq ?? 0);
  useEffect(() => {
    let alive = true;
    let busy = false;
    const tick = () => {
      if (busy || !alive) return;
      busy = true;
      pollTimeline(store, tl)
        .catch((err: unknown) => store.setState({ error: err instanceof Error ? err.message : String(err) }))
        .finally(() => {
          busy = false;
        });
    };
    tick();
    const id = setInterval(tick, POLL_MS);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [store, tl, stepSeq]);
}

/** The entries the list shows: the object's own feed when filtered by object, then component and writes filters. */
export function useVisibleEntries() {
  const feed = useTimeline((s) => s.feed);
  const objectFeed = useTimeline((s) => s.objectFeed);
  const filter = useTimeline((s) => s.filter);
  return useMemo(() => {
    const source = filter.object ? (objectFeed?.entries ?? []) : feed.entries;
    return applyFilter(filter, source);
  }, [feed, objectFeed, filter]);
}
