/**
 * An object's history from the worker (`objectHistory`), kept live: read
 * once, then only the writes after the last revision held, each time the
 * mirrored copy changes (its resourceVersion is the hint).
 */
import { useEffect, useRef, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';
import { mergePoints, type HistoryPoint } from './hpaSeries';

export interface ObjectHistoryState {
  points: HistoryPoint[];
  loaded: boolean;
  error?: string;
}

export function useObjectHistory(key: string, hint: string | undefined, limit = 240): ObjectHistoryState {
  const session = useClusterSession();
  const [state, setState] = useState<ObjectHistoryState>({ points: [], loaded: false });
  const since = useRef(0);
  const busy = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    since.current = 0;
    setState({ points: [], loaded: false });
  }, [key]);

  useEffect(() => {
    let alive = true;
    const read = async (): Promise<void> => {
      if (busy.current) {
        again.current = true;
        return;
      }
      busy.current = true;
      try {
        const r = await session.client.timeline.objectHistory(key, since.current);
        if (!alive) return;
        if (!r.ok) {
          // A replaced cluster (replay, fork) starts its revisions afresh: read it all again.
          if (r.status.code === 400 && since.current > 0) {
            since.current = 0;
            setState({ points: [], loaded: false });
            again.current = true;
          } else setState((s) => ({ ...s, loaded: true, error: r.status.message }));
          return;
        }
        since.current = r.value.revision;
        const more: HistoryPoint[] = r.value.points.map((p) => (p.object ? { revision: p.revision, time: p.time, object: p.object } : { revision: p.revision, time: p.time }));
        setState((s) => ({ points: mergePoints(s.points, more, limit), loaded: true }));
      } catch (err) {
        if (alive) setState((s) => ({ ...s, loaded: true, error: err instanceof Error ? err.message : String(err) }));
      } finally {
        busy.current = false;
        if (again.current && alive) {
          again.current = false;
          void read();
        }
      }
    };
    void read();
    return () => {
      alive = false;
    };
  }, [session, key, hint, limit]);

  return state;
}
