/**
 * The tail of one container's log (`kubectl logs --tail=100`), re-read every
 * two seconds while the Logs tab is open.
 */
import { useEffect, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';
import { errorMessage } from '../browser/serverTable';

export interface PodLogs {
  text: string;
  error: string | null;
  loading: boolean;
}

export const LOG_TAIL_LINES = 100;
export const LOG_REFRESH_MS = 2000;

export function usePodLogs(namespace: string, pod: string, container: string | undefined): PodLogs {
  const session = useClusterSession();
  const [logs, setLogs] = useState<PodLogs>({ text: '', error: null, loading: true });
  useEffect(() => {
    setLogs({ text: '', error: null, loading: true });
    if (!container) return;
    let alive = true;
    let inFlight = false;
    const read = () => {
      if (inFlight) return;
      inFlight = true;
      session.client
        .request({
          verb: 'get',
          group: '',
          version: 'v1',
          resource: 'pods',
          namespace,
          name: pod,
          subresource: 'log',
          query: { container, tailLines: String(LOG_TAIL_LINES) },
        })
        .then(
          (res) => {
            if (!alive) return;
            if (res.status === 200) setLogs({ text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body), error: null, loading: false });
            else setLogs((l) => ({ text: l.text, error: errorMessage(res.status, res.body), loading: false }));
          },
          (err: unknown) => {
            if (alive) setLogs((l) => ({ ...l, error: err instanceof Error ? err.message : String(err), loading: false }));
          },
        )
        .finally(() => {
          inFlight = false;
        });
    };
    read();
    const timer = setInterval(read, LOG_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [session, namespace, pod, container]);
  return logs;
}
