/**
 * A pod's STATUS as `kubectl get pods` prints it, and the colour family the
 * graph draws it in. The reason walk mirrors printPod in
 * pkg/printers/internalversion/printers.go (v1.32): init containers first
 * (sidecars count once started), then app containers from last to first so
 * the first container's state wins, then Terminating. The worker's printer
 * does the same for server-side Tables; `src/` may not import it.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';

/** The legend's colour families. */
export type PodState = 'pending' | 'creating' | 'running' | 'notready' | 'failing' | 'terminating' | 'succeeded' | 'failed' | 'unknown';

export interface PodStatusSummary {
  /** The STATUS column: `Running`, `ContainerCreating`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`, … */
  reason: string;
  /** The READY column: `1/2`. */
  ready: string;
  /** The pod's Ready condition is True. */
  podReady: boolean;
  restarts: number;
  state: PodState;
}

/** Reason the node lifecycle controller gives pods of an unreachable node (pkg/util/node). */
const NODE_LOST = 'NodeLost';

const isSidecar = (c: Container | undefined) => c?.restartPolicy === 'Always';

function firstCondition(conditions: readonly PodCondition[] | undefined, type: string): PodCondition | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

/** What a stopped container says about itself when it has no reason. */
function terminatedText(t: NonNullable<NonNullable<ContainerStatus['state']>['terminated']>): string {
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
}

function kubectlReason(pod: Pod): { reason: string; readyContainers: number; totalContainers: number; restarts: number } {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  let totalContainers = (spec.containers ?? []).length + (spec.initContainers ?? []).filter(isSidecar).length;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(cs.name));
    restarts += cs.restartCount ?? 0;
    if (sidecar) sidecarRestarts += cs.restartCount ?? 0;
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || firstCondition(status.conditions, 'Initialized')?.status === 'True') {
    restarts = sidecarRestarts;
    let running = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated) reason = terminatedText(terminated);
      else if (cs.ready && cs.state?.running) {
        running = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && running) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === NODE_LOST) reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  totalContainers = Math.max(totalContainers, 0);
  return { reason, readyContainers, totalContainers, restarts };
}

const CREATING = new Set(['ContainerCreating', 'PodInitializing']);
const PENDING = new Set(['Pending', 'SchedulingGated', '']);

/** The colour family for a STATUS: the legend groups the many reasons kubectl prints. */
export function podStateOf(reason: string, phase: string, podReady: boolean): PodState {
  if (reason === 'Terminating') return 'terminating';
  if (reason === 'Unknown' || phase === 'Unknown') return 'unknown';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (reason === 'Completed') return 'succeeded';
  if (PENDING.has(reason)) return 'pending';
  if (CREATING.has(reason) || /^Init:\d+\/\d+$/.test(reason)) return 'creating';
  if (reason === 'Running') return podReady ? 'running' : 'notready';
  if (reason === 'NotReady') return 'notready';
  // CrashLoopBackOff, ErrImagePull, ImagePullBackOff, Error, OOMKilled, CreateContainerConfigError, Init:…
  return 'failing';
}

export function podStatus(pod: Pod): PodStatusSummary {
  const { reason, readyContainers, totalContainers, restarts } = kubectlReason(pod);
  const podReady = firstCondition(pod.status?.conditions, 'Ready')?.status === 'True';
  return {
    reason,
    ready: `${readyContainers}/${totalContainers}`,
    podReady,
    restarts,
    state: podStateOf(reason, pod.status?.phase ?? '', podReady),
  };
}

/** Legend order and words. */
export const POD_STATE_LEGEND: ReadonlyArray<{ state: PodState; label: string }> = [
  { state: 'pending', label: 'Pending' },
  { state: 'creating', label: 'ContainerCreating' },
  { state: 'running', label: 'Running, ready' },
  { state: 'notready', label: 'Running, not ready' },
  { state: 'failing', label: 'CrashLoopBackOff / errors' },
  { state: 'terminating', label: 'Terminating' },
  { state: 'succeeded', label: 'Succeeded' },
  { state: 'failed', label: 'Failed' },
  { state: 'unknown', label: 'Unknown' },
];
