/**
 * A store selector read at most once per interval: during a 1,000-pod rollout the store changes every
 * frame, and the sidebar (counts, tables, usage bars) need not follow it that closely. The first change
 * after a quiet spell shows at once; changes within the interval collapse into one trailing update.
 * The selector must be stable (module-level or memoised) and return stable references.
 */
import { useEffect, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';
import type { ClusterState } from '../cluster/store';
import { createThrottle } from './throttle';

export const SIDEBAR_THROTTLE_MS = 400;

export function useThrottledClusterState<T>(selector: (s: ClusterState) => T, intervalMs = SIDEBAR_THROTTLE_MS): T {
  const { store } = useClusterSession();
  // Tagged with its selector, so a new selector (another kind) reads fresh at once instead of one render late.
  const [snap, setSnap] = useState(() => ({ selector, value: selector(store.getState()) }));
  useEffect(() => {
    let last = selector(store.getState());
    const sync = () => {
      const value = selector(store.getState());
      if (Object.is(value, last)) return;
      last = value;
      setSnap({ selector, value });
    };
    setSnap((s) => (s.selector === selector && Object.is(s.value, last) ? s : { selector, value: last }));
    const t = createThrottle(sync, intervalMs);
    const unsubscribe = store.subscribe((state, prev) => {
      // Only wake the throttle when what this view reads changed (selection, clock, … do not count).
      if (!Object.is(selector(state), selector(prev))) t.trigger();
    });
    return () => {
      unsubscribe();
      t.cancel();
    };
  }, [store, selector, intervalMs]);
  return snap.selector === selector ? snap.value : selector(store.getState());
}
