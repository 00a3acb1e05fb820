/**
 * The HPA's status conditions (horizontal.go setConditionInList): a
 * condition keeps its place in the list, and its lastTransitionTime changes
 * only when its status does.
 */
import type { HorizontalPodAutoscalerCondition } from 'kubernetes-types/autoscaling/v2';

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: ConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function setCondition(list: HorizontalPodAutoscalerCondition[] | undefined, c: Condition, timestamp: string): HorizontalPodAutoscalerCondition[] {
  const out = (list ?? []).map((x) => ({ ...x })) as Mutable<HorizontalPodAutoscalerCondition>[];
  let existing = out.find((x) => x.type === c.type);
  if (!existing) {
    existing = { type: c.type, status: 'Unknown' };
    // A new condition always transitions: its status starts empty upstream.
    existing.status = '';
    out.push(existing);
  }
  if (existing.status !== c.status) existing.lastTransitionTime = timestamp;
  existing.status = c.status;
  existing.reason = c.reason;
  existing.message = c.message;
  return out;
}
