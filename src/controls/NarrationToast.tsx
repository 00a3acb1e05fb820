import { useEffect, useState } from 'react';
import { useClusterState } from '../cluster/ClusterContext';

/** How long a step's sentence stays over the graph; the timeline panel keeps it. */
const SHOW_MS = 12_000;

/** "What just happened": the last step's sentence, floating under the header until the next or for a while. */
export function NarrationToast() {
  const narration = useClusterState((s) => s.narration);
  const past = useClusterState((s) => s.travel.view.mode === 'past');
  const [hiddenSeq, setHiddenSeq] = useState(0);

  useEffect(() => {
    if (!narration) return;
    const seq = narration.seq;
    const id = setTimeout(() => setHiddenSeq((h) => Math.max(h, seq)), SHOW_MS);
    return () => clearTimeout(id);
  }, [narration]);

  if (!narration || narration.seq <= hiddenSeq || past) return null;
  return (
    <div className="narration-toast" role="status" aria-live="polite" data-testid="narration-toast" data-seq={narration.seq}>
      <span className="nt-label">What just happened</span>
      <span className="nt-text">{narration.text}</span>
      <button type="button" className="nt-close" aria-label="Dismiss" onClick={() => setHiddenSeq(narration.seq)}>
        ×
      </button>
    </div>
  );
}
