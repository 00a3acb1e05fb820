import { useEffect } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState } from '../cluster/ClusterContext';
import { formatElapsed } from '../timeline/model/scrubber';
import { useClusterEpoch } from './useClusterEpoch';

/**
 * While the page shows the past: a banner over the top of the page that says
 * which moment, and the way back. The root element gets
 * `data-time-travel="past"` so every panel can tint itself.
 */
export function TimeTravelBanner() {
  const run = useRunAction();
  const travel = useClusterState((s) => s.travel);
  const epoch = useClusterEpoch();
  const past = travel.view.mode === 'past';

  useEffect(() => {
    const root = document.documentElement;
    if (past) root.dataset.timeTravel = 'past';
    else delete root.dataset.timeTravel;
    return () => {
      delete root.dataset.timeTravel;
    };
  }, [past]);

  if (travel.view.mode !== 'past') return null;
  const { revision, time } = travel.view;
  const when = time > 0 ? `${formatElapsed(time, epoch)} · ` : '';
  const status = travel.status;
  return (
    <div className="time-travel-banner" role="status" aria-live="polite" data-testid="time-travel-banner" data-revision={revision} data-phase={status.phase}>
      <span className="ttb-dot" aria-hidden="true" />
      <span className="ttb-text">
        Viewing {when}revision {revision}
        {status.phase === 'loading' && <span className="ttb-note"> — loading…</span>}
        {status.phase === 'failed' && <span className="ttb-note ttb-error"> — {status.message}</span>}
      </span>
      <span className="ttb-sep" aria-hidden="true">—</span>
      <button type="button" className="ttb-live" onClick={() => void run('travelLive')} data-testid="back-to-live">
        Back to live
      </button>
    </div>
  );
}
