/** One node's usage (or all of them), live: mirrored Nodes and Pods plus polled NodeMetrics. */
import { useKind } from '../cluster/ClusterContext';
import type { MetricsState } from './metricsPoller';
import { nodeUsageTable } from './nodeUsageTable';
import { useNodeMetrics } from './useMetrics';
import type { NodeUsage } from './usageModel';

export function useNodeUsageTable(): { table: Map<string, NodeUsage>; metrics: MetricsState } {
  const nodes = useKind('Node');
  const pods = useKind('Pod');
  const metrics = useNodeMetrics();
  const body = metrics.phase === 'ok' || metrics.phase === 'unavailable' ? (metrics as { body?: unknown }).body : undefined;
  return { table: nodeUsageTable(nodes, pods, body), metrics };
}

export function useNodeUsage(name: string): { usage?: NodeUsage; metrics: MetricsState } {
  const { table, metrics } = useNodeUsageTable();
  return { usage: table.get(name), metrics };
}
