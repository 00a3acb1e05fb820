/**
 * TriggerTimeTracker (pkg/controller/util/endpoint/trigger_time_tracker.go):
 * the time of the earliest change (a pod turning ready or not, a service
 * created) that the next Endpoints/EndpointSlice write reflects, exported as
 * the `endpoints.kubernetes.io/last-change-trigger-time` annotation.
 */
import type { Pod, Service } from './types';

interface State {
  lastPodTriggerTimes: Map<string, number>;
  lastServiceTriggerTime: number;
}

/** 0 stands for Go's zero time: no annotation. */
export type TriggerTime = number;

function parseTime(s: string | undefined | null): number {
  if (!s) return 0;
  const t = Date.parse(s);
  return Number.isNaN(t) ? 0 : t;
}

/** getPodTriggerTime: when the pod's Ready condition last changed. */
function podTriggerTime(pod: Pod): number {
  for (const c of pod.status?.conditions ?? []) if (c.type === 'Ready') return parseTime(c.lastTransitionTime);
  return 0;
}

const minNonZero = (a: number, b: number) => (a === 0 ? b : b === 0 ? a : Math.min(a, b));

export class TriggerTimeTracker {
  private states = new Map<string, State>();

  /**
   * ComputeEndpointLastChangeTriggerTime: call once per sync, even if the sync
   * writes nothing, so the remembered state keeps up with what was seen.
   */
  compute(namespace: string, service: Service, pods: readonly Pod[]): TriggerTime {
    const key = `${namespace}/${service.metadata.name}`;
    const state = this.states.get(key);
    let minChanged = 0;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === 0) continue;
      podTimes.set(pod.metadata.name!, t);
      if (t > (state?.lastPodTriggerTimes.get(pod.metadata.name!) ?? 0)) minChanged = minNonZero(minChanged, t);
    }
    const serviceTime = parseTime(service.metadata.creationTimestamp);
    if (serviceTime > (state?.lastServiceTriggerTime ?? 0)) minChanged = minNonZero(minChanged, serviceTime);
    this.states.set(key, { lastPodTriggerTimes: podTimes, lastServiceTriggerTime: serviceTime });
    // A service seen for the first time: its endpoints date from its creation.
    if (!state) return serviceTime;
    return minChanged;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

/** time.Time.UTC().Format(time.RFC3339Nano): fractional seconds without trailing zeros. */
export function formatRFC3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}
