import { useEffect, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';

/** Virtual time at which the cluster started (for "00:01:23 since start"); NaN until known. */
export function useClusterEpoch(): number {
  const session = useClusterSession();
  const [epoch, setEpoch] = useState(Number.NaN);
  useEffect(() => {
    let alive = true;
    session.client.started.then(
      (info) => alive && setEpoch(info.epochMs),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [session]);
  return epoch;
}
