/** One node's usage (or all of them), live: mirrored Nodes and Pods plus polled NodeMetrics. */
import { useRef } from 'react';
import { selectKind } from '../cluster/store';
import { useThrottledClusterState } from '../browser/useThrottledClusterState';
import type { MetricsState } from './metricsPoller';
import { nodeUsageTable } from './nodeUsageTable';
import { useNodeMetrics } from './useMetrics';
import { sameNodeUsage, type NodeUsage } from './usageModel';

const selectNodes = selectKind('Node');
const selectPods = selectKind('Pod');

export function useNodeUsageTable(): { table: Map<string, NodeUsage>; metrics: MetricsState } {
  // Throttled: a rollout changes Pods every frame; bars a few times a second look the same and cost nothing.
  const nodes = useThrottledClusterState(selectNodes);
  const pods = useThrottledClusterState(selectPods);
  const metrics = useNodeMetrics();
  const body = metrics.phase === 'ok' || metrics.phase === 'unavailable' ? (metrics as { body?: unknown }).body : undefined;
  return { table: nodeUsageTable(nodes, pods, body), metrics };
}

/** `usage` keeps its identity while its numbers are unchanged, so memoised rows can skip re-rendering. */
export function useNodeUsage(name: string): { usage?: NodeUsage; metrics: MetricsState } {
  const { table, metrics } = useNodeUsageTable();
  const prev = useRef<NodeUsage | undefined>(undefined);
  const next = table.get(name);
  if (!(next && prev.current && sameNodeUsage(prev.current, next))) prev.current = next;
  return { usage: prev.current, metrics };
}
