/** The inspector's Usage tab for a Pod: each container's CPU and memory against its request and limit. */
import { useMemo } from 'react';
import type { KubeObject } from '../../workers/api/object';
import { formatAmount } from './quantity';
import { fraction, percentText, podUsage, type ContainerResourceBar } from './usageModel';
import { UsageBar } from './UsageBar';
import { MetricsNote } from './MetricsNote';
import { usePodMetrics } from './useMetrics';
import './metrics.css';

function label(container: string, b: ContainerResourceBar): string {
  const f = (v: number) => formatAmount(b.resource, v);
  const what = b.resource === 'cpu' ? 'CPU' : 'Memory';
  const parts = [b.used === undefined ? 'usage not known yet' : `using ${f(b.used)}`];
  parts.push(b.request === undefined ? 'no request' : `request ${f(b.request)}${b.used !== undefined ? ` (${percentText(fraction(b.used, b.request))} of it)` : ''}`);
  parts.push(b.limit === undefined ? 'no limit' : `limit ${f(b.limit)}`);
  return `${container} ${what}: ${parts.join(', ')}`;
}

function Resource({ container, bar }: { container: string; bar: ContainerResourceBar }) {
  const f = (v: number) => formatAmount(bar.resource, v);
  const ofRequest = fraction(bar.used, bar.request);
  // Nothing to measure against: a full bar would read as "at the limit".
  const unbounded = bar.request === undefined && bar.limit === undefined;
  return (
    <div className="mx-cres" data-testid={`pod-usage-${bar.resource}`}>
      <span className="mx-cres-name">{bar.resource === 'cpu' ? 'CPU' : 'Memory'}</span>
      {unbounded ? (
        <span className="mx-cres-free" role="img" aria-label={label(container, bar)} />
      ) : (
        <UsageBar
          label={label(container, bar)}
          used={fraction(bar.used, bar.scale)}
          marker={fraction(bar.request, bar.scale)}
          // Only a limit makes high usage a problem (throttling, OOM); above the request is just busy.
          toneFrom={bar.limit !== undefined ? fraction(bar.used, bar.limit) : 0}
        />
      )}
      <span className="mx-cres-text">
        <strong>{bar.used === undefined ? '—' : f(bar.used)}</strong>
        {bar.request !== undefined && <span> / req {f(bar.request)}{ofRequest !== undefined && ` (${percentText(ofRequest)})`}</span>}
        {bar.limit !== undefined && <span> · lim {f(bar.limit)}</span>}
        {unbounded && <span className="mx-muted"> · no request or limit</span>}
      </span>
    </div>
  );
}

export function PodUsagePanel({ pod }: { pod: KubeObject }) {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const metrics = usePodMetrics(ns, name);
  const body = metrics.phase === 'ok' ? metrics.body : metrics.phase === 'unavailable' ? metrics.body : undefined;
  const rows = useMemo(() => podUsage(pod, body), [pod, body]);
  return (
    <div className="mx" data-testid="pod-usage">
      {rows.map((r) => (
        <section key={r.name} className="mx-container" aria-label={`Container ${r.name}`} data-testid="pod-usage-container" data-name={r.name}>
          <h3 className="mx-container-name">{r.name}</h3>
          <Resource container={r.name} bar={r.cpu} />
          <Resource container={r.name} bar={r.memory} />
        </section>
      ))}
      <p className="mx-foot">
        <span className="mx-swatch mx-swatch-used" aria-hidden="true" /> used · <span className="mx-swatch mx-swatch-marker" aria-hidden="true" /> request · bar ends at the limit (or the larger of request and use)
      </p>
      <MetricsNote state={metrics} subject="pod" />
    </div>
  );
}
