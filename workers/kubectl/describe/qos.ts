/** pkg/util/qos GetPodQOS: status.qosClass, else computed from requests and limits. */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Quantity } from '../../api/quantity/quantity';
import { quantity } from './containers';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function addPositive(list: Map<string, Quantity>, from: Record<string, unknown> | undefined): void {
  for (const [name, v] of Object.entries(from ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const q = quantity(v);
    if (q.sign() <= 0) continue;
    const prev = list.get(name);
    list.set(name, prev ? q.add(prev) : q);
  }
}

function limitsCoverCpuAndMemory(limits: Record<string, unknown> | undefined): boolean {
  const have = new Set(Object.entries(limits ?? {}).filter(([n, v]) => QOS_RESOURCES.has(n) && quantity(v).sign() > 0).map(([n]) => n));
  return have.has('cpu') && have.has('memory');
}

export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const podRes = (pod.spec as { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } } | undefined)?.resources;
  if (podRes) {
    addPositive(requests, podRes.requests);
    if (podRes.limits) {
      addPositive(limits, podRes.limits);
      if (!limitsCoverCpuAndMemory(podRes.limits)) guaranteed = false;
    }
  } else {
    const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
    for (const c of all) {
      addPositive(requests, c.resources?.requests as Record<string, unknown> | undefined);
      addPositive(limits, c.resources?.limits as Record<string, unknown> | undefined);
      if (!limitsCoverCpuAndMemory(c.resources?.limits as Record<string, unknown> | undefined)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
