/**
 * What the Priority admission plugin (plugin/pkg/admission/priority) fills
 * in on pod create: `priority` and `preemptionPolicy` from the pod's
 * PriorityClass, or from the global default class, or 0 /
 * PreemptLowerPriority when there is none. Rejections (unknown class,
 * explicit priority) are left to admission.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { StrategyContext } from '../types';

/** Classes the API server creates at bootstrap (pkg/apis/scheduling). */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';

interface PriorityClassLike {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
  metadata?: { name?: string; creationTimestamp?: string };
}

export function applyPodPriority(spec: PodSpec, ctx: StrategyContext | undefined): void {
  if (spec.priority !== undefined && spec.priority !== null) return;
  let cls: PriorityClassLike | undefined;
  if (spec.priorityClassName) {
    cls = ctx?.get(PRIORITY_CLASSES, undefined, spec.priorityClassName) as PriorityClassLike | undefined;
    if (!cls && spec.priorityClassName in SYSTEM_CLASSES) cls = { value: SYSTEM_CLASSES[spec.priorityClassName] };
    if (!cls) return;
  } else {
    const defaults = ((ctx?.list(PRIORITY_CLASSES) ?? []) as PriorityClassLike[]).filter((c) => c.globalDefault);
    // Several global defaults: upstream picks the lowest value.
    defaults.sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    cls = defaults[0];
    if (cls?.metadata?.name) spec.priorityClassName = cls.metadata.name;
  }
  spec.priority = cls?.value ?? 0;
  if (!spec.preemptionPolicy) spec.preemptionPolicy = (cls?.preemptionPolicy as PodSpec['preemptionPolicy']) ?? 'PreemptLowerPriority';
}
