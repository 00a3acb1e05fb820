/** Usage (metrics.k8s.io against requests, limits and allocatable) for a Node or a Pod; the views live in src/metrics. */
import type { KubeObject } from '../../../workers/api/object';
import { NodeUsagePanel } from '../../metrics/NodeUsagePanel';
import { PodUsagePanel } from '../../metrics/PodUsagePanel';

export function UsageTab({ kind, object }: { kind: string; object: KubeObject }) {
  if (kind === 'Node') return <NodeUsagePanel name={object.metadata.name ?? ''} />;
  return <PodUsagePanel pod={object} />;
}
