/**
 * Per-container state of a pod, as `kubectl describe pod` lays it out: state
 * (Waiting/Running/Terminated with reason), last state, ready, restarts,
 * image and ports. Mirrors describe.go describeContainerState and
 * describeContainerPorts.
 */
import type { Pod, Container, ContainerStatus, ContainerState } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../workers/api/object';
import { ageSince } from './time';

export type ContainerRole = 'init' | 'sidecar' | 'container';

export interface StateSummary {
  state: 'Waiting' | 'Running' | 'Terminated' | '';
  reason: string;
  message: string;
  exitCode?: number;
  /** When it started (Running, Terminated), as an age. */
  since: string;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
}

export interface ContainerRow {
  name: string;
  role: ContainerRole;
  image: string;
  /** describe's Ports: `80/TCP, 443/TCP`, or `<none>`. */
  ports: string;
  state: StateSummary;
  lastState: StateSummary | null;
  ready: boolean;
  restarts: number;
}

const BAD_WAITING = /Err|BackOff|Invalid|Crash|Failed|Error/;

export function summarizeState(s: ContainerState | undefined, nowMs: number): StateSummary {
  if (s?.running) return { state: 'Running', reason: '', message: '', since: ageSince(s.running.startedAt, nowMs), tone: 'ok' };
  if (s?.terminated) {
    const t = s.terminated;
    return {
      state: 'Terminated',
      reason: t.reason ?? '',
      message: t.message ?? '',
      exitCode: t.exitCode,
      since: ageSince(t.startedAt, nowMs),
      tone: t.exitCode === 0 ? 'neutral' : 'error',
    };
  }
  if (s?.waiting) {
    const reason = s.waiting.reason ?? '';
    return { state: 'Waiting', reason, message: s.waiting.message ?? '', since: '', tone: BAD_WAITING.test(reason) ? 'error' : 'warn' };
  }
  return { state: '', reason: '', message: '', since: '', tone: 'neutral' };
}

export function formatPorts(c: Container): string {
  const ports = c.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

export function containerRows(obj: KubeObject, nowMs: number): ContainerRow[] {
  const pod = obj as unknown as Pod;
  const row = (c: Container, role: ContainerRole, statuses: ContainerStatus[] | undefined): ContainerRow => {
    const st = statuses?.find((s) => s.name === c.name);
    const last = st?.lastState && (st.lastState.running || st.lastState.terminated || st.lastState.waiting) ? summarizeState(st.lastState, nowMs) : null;
    return {
      name: c.name,
      role,
      image: c.image ?? '',
      ports: formatPorts(c),
      state: summarizeState(st?.state, nowMs),
      lastState: last,
      ready: st?.ready === true,
      restarts: st?.restartCount ?? 0,
    };
  };
  const init = (pod.spec?.initContainers ?? []).map((c) =>
    // An init container with restartPolicy Always is a sidecar (KEP-753).
    row(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', pod.status?.initContainerStatuses),
  );
  const main = (pod.spec?.containers ?? []).map((c) => row(c, 'container', pod.status?.containerStatuses));
  return [...init, ...main];
}

/** Names for the logs container picker: regular containers first, as kubectl defaults to the first one. */
export function logContainerNames(obj: KubeObject): string[] {
  const pod = obj as unknown as Pod;
  return [...(pod.spec?.containers ?? []).map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => c.name)];
}
