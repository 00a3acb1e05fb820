/**
 * A server-side Table for one request, kept fresh: re-requested (throttled)
 * whenever `changed` (a store map reference) changes, and every
 * `refreshMs` so the AGE column keeps counting.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiRequest } from '../../workers/api/request';
import { useClusterSession } from '../cluster/ClusterContext';
import { errorMessage, TABLE_ACCEPT } from './serverTable';
import { createThrottle, type Throttle } from './throttle';

export interface ServerTableState {
  /** The last Table body received (kept while a new one loads). */
  body: unknown;
  error: string | null;
  loading: boolean;
}

const THROTTLE_MS = 400;

/** `throttleMs`: the least time between two requests (raise it for big Tables). */
export function useServerTable(req: ApiRequest | null, changed: unknown, throttleMs = THROTTLE_MS, refreshMs = 5000): ServerTableState {
  const session = useClusterSession();
  // Tagged with the request it answers, so a new request never shows the previous one's rows.
  const [state, setState] = useState<ServerTableState & { key: string }>({ body: undefined, error: null, loading: req !== null, key: '' });
  const throttle = useRef<Throttle | null>(null);
  // Callers build the request inline; its JSON is what identifies it.
  const key = req ? JSON.stringify(req) : '';
  const request = useMemo(() => (key ? (JSON.parse(key) as ApiRequest) : null), [key]);

  useEffect(() => {
    setState({ body: undefined, error: null, loading: request !== null, key });
    if (!request) return;
    let seq = 0;
    let alive = true;
    const fetchTable = () => {
      const mine = ++seq;
      session.client
        .request({ ...request, accept: TABLE_ACCEPT, query: { includeObject: 'Metadata', ...request.query } })
        .then(
          (res) => {
            if (!alive || mine !== seq) return;
            if (res.status >= 200 && res.status < 300) setState({ body: res.body, error: null, loading: false, key });
            else setState((s) => ({ body: res.status === 404 ? undefined : s.body, error: errorMessage(res.status, res.body), loading: false, key }));
          },
          (err: unknown) => {
            if (!alive || mine !== seq) return;
            setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err), loading: false }));
          },
        );
    };
    const t = createThrottle(fetchTable, throttleMs);
    throttle.current = t;
    t.trigger();
    const timer = setInterval(() => t.trigger(), refreshMs);
    return () => {
      alive = false;
      t.cancel();
      clearInterval(timer);
      throttle.current = null;
    };
  }, [session, request, key, throttleMs, refreshMs]);

  useEffect(() => {
    throttle.current?.trigger();
  }, [changed]);

  if (state.key !== key) return { body: undefined, error: null, loading: req !== null };
  return { body: state.body, error: state.error, loading: state.loading };
}
