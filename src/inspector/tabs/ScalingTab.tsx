/** An autoscaler's decisions over time: the HPA chart and conditions, or a VPA's recommendations (src/metrics). */
import type { KubeObject } from '../../../workers/api/object';
import { HpaPanel } from '../../metrics/HpaPanel';
import { VpaPanel } from '../../metrics/VpaPanel';

export const hasScalingTab = (kind: string) => kind === 'HorizontalPodAutoscaler' || kind === 'VerticalPodAutoscaler';

export function ScalingTab({ kind, object, now }: { kind: string; object: KubeObject; now: number }) {
  if (kind === 'VerticalPodAutoscaler') return <VpaPanel vpa={object} />;
  return <HpaPanel hpa={object} now={now} />;
}
