/**
 * How a Job reads its failed pods: podFailurePolicy rules
 * (pkg/controller/job/pod_failure_policy.go), when a pod counts as failed
 * (isPodFailed), and when it finished (getFinishedTime, for the back-off).
 */
import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from 'kubernetes-types/batch/v1';
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { Pod } from '../replicaset/types';
import type { Job } from './types';

export type FailureAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PolicyMatch {
  /** The FailureTarget message when a FailJob rule matched. */
  failJobMessage?: string;
  /** Whether the failure counts against backoffLimit. */
  countFailed: boolean;
  action?: FailureAction;
}

function matchingContainer(statuses: readonly ContainerStatus[] | undefined, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  for (const cs of statuses ?? []) {
    const t = cs.state?.terminated;
    if (!t) continue;
    if (req.containerName && req.containerName !== cs.name) continue;
    if (t.exitCode === 0) continue;
    const inValues = req.values.includes(t.exitCode);
    if (req.operator === 'In' ? inValues : req.operator === 'NotIn' ? !inValues : false) return cs;
  }
  return undefined;
}

/** matchPodFailurePolicy: the first rule matching the pod decides. */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: Pod): PolicyMatch {
  if (!policy) return { countFailed: true };
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name;
  for (const [index, rule] of policy.rules.entries()) {
    const action = rule.action as FailureAction;
    if (rule.onExitCodes) {
      const cs = matchingContainer(pod.status?.containerStatuses, rule.onExitCodes) ?? matchingContainer(pod.status?.initContainerStatuses, rule.onExitCodes);
      if (!cs) continue;
      if (action === 'FailJob') {
        return { countFailed: true, action, failJobMessage: `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state!.terminated!.exitCode} matching FailJob rule at index ${index}` };
      }
      return { countFailed: action !== 'Ignore', action };
    }
    if (rule.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (!cond) continue;
      if (action === 'FailJob') return { countFailed: true, action, failJobMessage: `Pod ${ns}/${name} has condition ${cond.type} matching FailJob rule at index ${index}` };
      return { countFailed: action !== 'Ignore', action };
    }
  }
  return { countFailed: true };
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed (implied by a podFailurePolicy). */
export const onlyReplaceFailedPods = (job: Job) => job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy;

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** getFinishedTime: last container finish, else Ready=False, else deletion, else creation. */
export function finishedTime(pod: Pod): number {
  let latest = 0;
  for (const cs of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
    const t = cs.state?.terminated?.finishedAt;
    if (!t) {
      if (!cs.state?.terminated) {
        latest = -1;
        break;
      }
      continue;
    }
    latest = Math.max(latest, Date.parse(t));
  }
  if (latest > 0) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False');
  if (ready?.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (pod.metadata.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp);
  return Date.parse(pod.metadata.creationTimestamp ?? '') || 0;
}
