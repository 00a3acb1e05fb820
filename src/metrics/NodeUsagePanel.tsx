/** The inspector's Usage tab for a Node: CPU and memory used and requested against allocatable. */
import { formatAmount } from './quantity';
import { fraction, percentText, type NodeResourceBar } from './usageModel';
import { UsageBar } from './UsageBar';
import { MetricsNote } from './MetricsNote';
import { useNodeUsage } from './useNodeUsage';
import { describeNodeBar } from './NodeUsageMini';
import './metrics.css';

function Row({ bar }: { bar: NodeResourceBar }) {
  const used = fraction(bar.used, bar.allocatable);
  const req = fraction(bar.requested, bar.allocatable);
  const lim = fraction(bar.limits, bar.allocatable);
  const f = (v: number) => formatAmount(bar.resource, v);
  return (
    <div className="mx-res" data-testid={`usage-${bar.resource}`}>
      <div className="mx-res-head">
        <span className="mx-res-name">{bar.resource === 'cpu' ? 'CPU' : 'Memory'}</span>
        <span className="mx-res-alloc">{bar.allocatable === undefined ? 'allocatable unknown' : `${f(bar.allocatable)} allocatable`}</span>
      </div>
      <UsageBar label={describeNodeBar(bar)} used={used} reserved={req} testId={`usage-bar-${bar.resource}`} />
      <dl className="mx-legend">
        <div>
          <dt><span className="mx-swatch mx-swatch-used" aria-hidden="true" />Used</dt>
          <dd data-testid={`usage-used-${bar.resource}`}>{bar.used === undefined ? '—' : `${f(bar.used)} · ${percentText(used)}`}</dd>
        </div>
        <div>
          <dt><span className="mx-swatch mx-swatch-reserved" aria-hidden="true" />Requested</dt>
          <dd>{`${f(bar.requested)} · ${percentText(req)}`}</dd>
        </div>
        <div>
          <dt><span className="mx-swatch mx-swatch-none" aria-hidden="true" />Limits</dt>
          <dd>{`${f(bar.limits)} · ${percentText(lim)}`}</dd>
        </div>
      </dl>
    </div>
  );
}

export function NodeUsagePanel({ name }: { name: string }) {
  const { usage, metrics } = useNodeUsage(name);
  return (
    <div className="mx" data-testid="node-usage">
      {usage ? (
        <>
          <Row bar={usage.cpu} />
          <Row bar={usage.memory} />
          <p className="mx-foot">{usage.pods === 1 ? '1 pod holds requests on this node.' : `${usage.pods} pods hold requests on this node.`}</p>
        </>
      ) : (
        <p className="mx-note">This node is not in the mirrored cluster state.</p>
      )}
      <MetricsNote state={metrics} subject="node" />
    </div>
  );
}
