/** Hooks over the session's MetricsPoller: subscribe while mounted, re-render on each new read. */
import { useCallback, useSyncExternalStore } from 'react';
import type { ApiRequest } from '../../workers/api/request';
import type { ClusterSession } from '../cluster/session';
import { useClusterSession } from '../cluster/ClusterContext';
import { isViewingPast } from '../cluster/timeTravel';
import { MetricsPoller, NODE_METRICS, podMetricsRequest, type MetricsState } from './metricsPoller';

const pollers = new WeakMap<ClusterSession, MetricsPoller>();

export function pollerFor(session: ClusterSession): MetricsPoller {
  let p = pollers.get(session);
  if (!p) {
    p = new MetricsPoller({
      request: (req) => session.client.request(req),
      now: async () => (await session.client.clock()).now,
      suspended: () => (typeof document !== 'undefined' && document.hidden) || isViewingPast(session.store.getState().travel),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    });
    pollers.set(session, p);
  }
  return p;
}

export function useMetrics(req: ApiRequest | null): MetricsState {
  const poller = pollerFor(useClusterSession());
  const key = req ? JSON.stringify(req) : '';
  // Keyed by the request's content, not its identity: callers build a new object each render.
  const subscribe = useCallback((onChange: () => void) => (req ? poller.subscribe(req, onChange) : () => {}), [poller, key]);
  const get = useCallback(() => (req ? poller.state(req) : IDLE), [poller, key]);
  return useSyncExternalStore(subscribe, get);
}

const IDLE: MetricsState = { phase: 'loading' };

export const useNodeMetrics = () => useMetrics(NODE_METRICS);

export function usePodMetrics(namespace: string, name: string): MetricsState {
  return useMetrics(podMetricsRequest(namespace, name));
}
