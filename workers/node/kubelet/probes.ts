/**
 * Probe workers for one container instance (pkg/kubelet/prober/worker.go):
 * each probe ticks every periodSeconds from the container's start, waits
 * out initialDelaySeconds, defers liveness and readiness until the startup
 * probe passed, and flips its result only after successThreshold or
 * failureThreshold equal results in a row.
 */
import type { Probe } from 'kubernetes-types/core/v1';
import type { Task } from '../../clock/clock';
import type { KubeObject } from '../../api/object';
import type { ContainerInstance, ContainerRecord } from './containerState';
import { runProbe, type ProbeResult } from './probeRun';
import type { KubeletServices } from './services';

type ProbeType = 'liveness' | 'readiness' | 'startup';
const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export interface ProbeTarget {
  podKey: string;
  podIP: string;
  /** The object container events are recorded on. */
  eventObject(): KubeObject;
  /** A result changed: the pod needs a sync. */
  changed(): void;
}

export function hasProbes(spec: { startupProbe?: Probe; livenessProbe?: Probe; readinessProbe?: Probe }): boolean {
  return !!(spec.startupProbe || spec.livenessProbe || spec.readinessProbe);
}

/** startProbes for a container without probes: started and ready at once, nothing to stop later. */
export function noProbes(record: ContainerRecord): void {
  record.started = true;
  record.ready = true;
  record.probeFailure = undefined;
  record.stopProbes = undefined;
}

export function startProbes(svc: KubeletServices, record: ContainerRecord, instance: ContainerInstance, target: ProbeTarget): void {
  const spec = record.spec;
  record.started = !spec.startupProbe;
  record.ready = !spec.readinessProbe;
  record.probeFailure = undefined;
  const tasks = new Set<Task>();
  let stopped = false;
  const probes: [ProbeType, Probe | undefined][] = [
    ['startup', spec.startupProbe],
    ['liveness', spec.livenessProbe],
    ['readiness', spec.readinessProbe],
  ];
  for (const [type, probe] of probes) {
    if (!probe) continue;
    let last: ProbeResult | undefined;
    let run = 0;
    let onHold = false;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const tick = () => {
      if (stopped || instance.exit) return;
      const again = () => {
        const t = svc.clock.schedule(period, { component: svc.component, key: target.podKey, what: `probe ${type} ${spec.name}` }, () => {
          tasks.delete(t);
          tick();
        });
        tasks.add(t);
      };
      if (!svc.running() || onHold || instance.killing) return again();
      if (svc.clock.now() - instance.startedAt < (probe.initialDelaySeconds ?? 0) * 1000) return again();
      if (type === 'startup' && record.started) return;
      if (type !== 'startup' && !record.started) return again();
      const out = runProbe(probe, instance.process, spec, target.podIP);
      if (out.result === 'failure') svc.event(target.eventObject(), 'Warning', 'Unhealthy', `${TITLE[type]} probe failed: ${out.output}`);
      if (last === out.result) run++;
      else {
        last = out.result;
        run = 1;
      }
      const threshold = out.result === 'failure' ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1);
      if (run < threshold) return again();
      if (type === 'readiness') {
        const ready = out.result === 'success';
        if (ready !== record.ready) {
          record.ready = ready;
          target.changed();
        }
        return again();
      }
      if (out.result === 'failure') {
        onHold = true;
        run = 0;
        record.probeFailure = type;
        target.changed();
        return again();
      }
      if (type === 'startup') {
        record.started = true;
        target.changed();
        return;
      }
      again();
    };
    // The first tick comes at once; initialDelaySeconds is checked against the start time.
    const t = svc.clock.schedule(0, { component: svc.component, key: target.podKey, what: `probe ${type} ${spec.name}` }, () => {
      tasks.delete(t);
      tick();
    });
    tasks.add(t);
  }
  record.stopProbes = () => {
    stopped = true;
    for (const t of tasks) svc.clock.cancel(t);
    tasks.clear();
  };
}
