/**
 * Every node's usage from the mirrored Nodes and Pods and the NodeMetrics
 * list, computed once per change of any of the three however many rows
 * read it (the sidebar has one per node).
 */
import type { KubeObject } from '../../workers/api/object';
import { nodeUsage, requestsByNode, type NodeUsage } from './usageModel';

let last: { nodes: unknown; pods: unknown; metrics: unknown; table: Map<string, NodeUsage> } | undefined;

function metricsByNode(body: unknown): Map<string, unknown> {
  const items = (body as { items?: unknown[] } | undefined)?.items;
  const out = new Map<string, unknown>();
  if (!Array.isArray(items)) return out;
  for (const m of items) {
    const name = (m as { metadata?: { name?: unknown } }).metadata?.name;
    if (typeof name === 'string') out.set(name, m);
  }
  return out;
}

export function nodeUsageTable(nodes: ReadonlyMap<string, KubeObject>, pods: ReadonlyMap<string, KubeObject>, metricsBody: unknown): Map<string, NodeUsage> {
  if (last && last.nodes === nodes && last.pods === pods && last.metrics === metricsBody) return last.table;
  const requests = requestsByNode(pods.values());
  const metrics = metricsByNode(metricsBody);
  const table = new Map<string, NodeUsage>();
  for (const n of nodes.values()) {
    const name = n.metadata.name ?? '';
    table.set(name, nodeUsage(n, metrics.get(name), requests.get(name)));
  }
  last = { nodes, pods, metrics: metricsBody, table };
  return table;
}
