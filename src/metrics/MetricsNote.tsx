/** One line under the usage views: where the numbers come from, or why there are none. */
import type { MetricsState } from './metricsPoller';

export function metricsNote(state: MetricsState, subject: 'node' | 'pod'): { text: string; tone: 'muted' | 'warn' } {
  if (state.phase === 'loading') return { text: 'Reading metrics.k8s.io…', tone: 'muted' };
  if (state.phase === 'ok') return { text: 'Usage from metrics-server (metrics.k8s.io), refreshed every 15 s of cluster time.', tone: 'muted' };
  if (state.code === 503) return { text: 'metrics-server is not ready yet: usage appears once its pod runs (kube-system).', tone: 'warn' };
  if (state.code === 404 && subject === 'pod') return { text: 'No metrics for this pod yet: metrics-server reports a container after its second scrape (15–30 s).', tone: 'muted' };
  if (state.code === 404) return { text: 'metrics.k8s.io is not served by this cluster.', tone: 'warn' };
  return { text: `Metrics unavailable: ${state.message}`, tone: 'warn' };
}

export function MetricsNote({ state, subject }: { state: MetricsState; subject: 'node' | 'pod' }) {
  const n = metricsNote(state, subject);
  return (
    <p className={`mx-note mx-note-${n.tone}`} data-testid="metrics-note" data-phase={state.phase}>
      {n.text}
    </p>
  );
}
