/**
 * The cluster's virtual time, for ages ("5m") that agree with kubectl's: the
 * clock may run at 100× or be paused, so wall time would be wrong.
 */
import { useEffect, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';

export function useVirtualNow(pollMs = 1000): number | null {
  const session = useClusterSession();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const poll = () => {
      session.client.clock().then(
        (c) => {
          if (alive) setNow(c.now);
        },
        () => {},
      );
    };
    poll();
    const timer = setInterval(poll, pollMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [session, pollMs]);
  return now;
}
