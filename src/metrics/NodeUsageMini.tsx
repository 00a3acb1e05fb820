/**
 * The sidebar's node row addition: two thin bars (CPU, memory), each the
 * node's usage over its requests, with the used percentage in text.
 * Placed by src/app/ClusterOverview.tsx under each node's button.
 */
import { memo } from 'react';
import { fraction, percentText } from './usageModel';
import { formatAmount } from './quantity';
import { UsageBar } from './UsageBar';
import { useNodeUsage } from './useNodeUsage';
import type { NodeResourceBar } from './usageModel';
import './metrics.css';

function describe(b: NodeResourceBar): string {
  const used = fraction(b.used, b.allocatable);
  const req = fraction(b.requested, b.allocatable);
  const what = b.resource === 'cpu' ? 'CPU' : 'Memory';
  const alloc = b.allocatable === undefined ? 'unknown' : formatAmount(b.resource, b.allocatable);
  const usedText = b.used === undefined ? 'usage not known yet' : `used ${formatAmount(b.resource, b.used)} (${percentText(used)})`;
  return `${what}: ${usedText}, requested ${formatAmount(b.resource, b.requested)} (${percentText(req)}) of ${alloc} allocatable`;
}

/** Memoised: the node list re-renders with every Pod change; the bars only when this node's numbers do. */
export const NodeUsageMini = memo(function NodeUsageMini({ name }: { name: string }) {
  const { usage } = useNodeUsage(name);
  if (!usage || (usage.cpu.allocatable === undefined && usage.memory.allocatable === undefined)) return null;
  return (
    <div className="num" data-testid="node-usage-mini" data-node={name}>
      {([usage.cpu, usage.memory] as const).map((b) => {
        const used = fraction(b.used, b.allocatable);
        const req = fraction(b.requested, b.allocatable);
        return (
          <div className="num-row" key={b.resource}>
            <span className="num-label" aria-hidden="true">{b.resource === 'cpu' ? 'CPU' : 'MEM'}</span>
            <UsageBar compact label={describe(b)} used={used} reserved={req} testId={`node-usage-${b.resource}`} />
            <span className="num-value" aria-hidden="true">{percentText(used)}</span>
          </div>
        );
      })}
    </div>
  );
});

export { describe as describeNodeBar };
