import { useClusterState } from '../cluster/ClusterContext';

/** "What just happened": the last step's sentence, kept in the panel until the next one. */
export function NarrationLine() {
  const narration = useClusterState((s) => s.narration);
  return (
    <p className={`tl-narration${narration ? '' : ' is-empty'}`} role="status" aria-live="polite" data-testid="timeline-narration" data-seq={narration?.seq ?? 0}>
      <span className="tl-narration-label">What just happened</span>
      <span className="tl-narration-text">{narration ? narration.text : 'Step the cluster (→) and each step is explained here.'}</span>
    </p>
  );
}
