/**
 * Where the autoscalers read pod usage. The VPA recommender lists
 * PodMetrics from metrics.k8s.io (metrics-server), as upstream's
 * pkg/recommender/input/metrics does; `UsageSource` keeps the source
 * swappable (tests pass fixed numbers).
 */
import type { ApiCall } from '../controllers/context';
import { quantityFromJSON } from '../api/quantity/quantity';

export interface ContainerUsageSample {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsageSample {
  namespace: string;
  name: string;
  /** When the sample was measured (ms); absent means now. */
  timestamp?: number;
  containers: ContainerUsageSample[];
}

export interface UsageSource {
  /** Current usage of every running pod in the cluster. */
  podUsage(): PodUsageSample[];
}

export const NO_USAGE: UsageSource = { podUsage: () => [] };

interface PodMetrics {
  metadata: { name: string; namespace: string };
  timestamp?: string;
  containers?: { name: string; usage?: { cpu?: string; memory?: string } }[];
}

const amount = (v: unknown): number => {
  const q = quantityFromJSON(v ?? '0');
  return q.ok ? q.quantity.asApproximateFloat64() : 0;
};

/** PodMetrics of every namespace; nothing while metrics.k8s.io is not served or not available (503). */
export function metricsApiUsage(client: ApiCall): UsageSource {
  return {
    podUsage() {
      const r = client({ verb: 'list', group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods' });
      if (r.status !== 200) return [];
      return ((r.body as { items?: PodMetrics[] }).items ?? []).map((m) => {
        const t = m.timestamp ? Date.parse(m.timestamp) : NaN;
        return {
          namespace: m.metadata.namespace,
          name: m.metadata.name,
          ...(Number.isNaN(t) ? {} : { timestamp: t }),
          containers: (m.containers ?? []).map((c) => ({ name: c.name, cpuMillis: amount(c.usage?.cpu) * 1000, memoryBytes: amount(c.usage?.memory) })),
        };
      });
    },
  };
}
