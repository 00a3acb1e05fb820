/**
 * The pod status the kubelet reports, computed from its view of the
 * containers: pkg/kubelet/kubelet_pods.go (getPhase,
 * convertToAPIContainerStatuses) and pkg/kubelet/status/generate.go
 * (PodReadyToStartContainers, Initialized, Ready, ContainersReady).
 */
import type { ContainerStatus, Pod, PodCondition, PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import { findRecord, newest, type ContainerInstance, type ContainerRecord } from './containerState';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Status = Mutable<PodStatus> & Record<string, unknown>;
type Condition = Mutable<PodCondition>;

const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

export interface StatusInput {
  pod: Pod;
  records: ReadonlyMap<string, ContainerRecord>;
  sandboxReady: boolean;
  hostIPs: string[];
  podIPs: string[];
  /** The pod will run nothing more (deleted and stopped, or finished). */
  podIsTerminal: boolean;
  isStatic: boolean;
  /** Pod-level failure set by the kubelet itself (DeadlineExceeded, rejection). */
  failure?: { reason: string; message: string };
  /** RFC 3339 timestamps. */
  timestamp(ms?: number): string;
}

const goList = (names: string[]) => `[${names.join(' ')}]`;

function terminatedOf(i: ContainerInstance, ts: (ms?: number) => string): Record<string, unknown> {
  const t: Record<string, unknown> = {
    exitCode: i.exit!.exitCode,
    reason: i.exit!.reason,
    startedAt: ts(i.startedAt),
    finishedAt: ts(i.finishedAt),
    containerID: `containerd://${i.id}`,
  };
  if (i.exit!.message) t.message = i.exit!.message;
  return t;
}

/** docker.io/library/nginx:1.27 + sha256:… → docker.io/library/nginx@sha256:… */
export function imageIDOf(ref: string, digest: string): string {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const repo = colon > slash ? base.slice(0, colon) : base;
  return `${repo}@${digest}`;
}

function containerStatus(r: ContainerRecord, defaultWaiting: string, ts: (ms?: number) => string): ContainerStatus {
  const cur = newest(r);
  const prev = r.instances.length > 1 ? r.instances[r.instances.length - 2] : undefined;
  const s: Record<string, unknown> = { name: r.spec.name };
  if (!cur) {
    s.state = { waiting: r.waiting ? { reason: r.waiting.reason, ...(r.waiting.message ? { message: r.waiting.message } : {}) } : { reason: defaultWaiting } };
    s.lastState = {};
    s.ready = false;
    s.restartCount = 0;
    s.image = r.spec.image;
    s.imageID = '';
    s.started = false;
    return s as unknown as ContainerStatus;
  }
  let state: Record<string, unknown>;
  let last: Record<string, unknown> = prev?.exit ? { terminated: terminatedOf(prev, ts) } : {};
  if (!cur.exit) state = { running: { startedAt: ts(cur.startedAt) } };
  else if (r.waiting) {
    state = { waiting: { reason: r.waiting.reason, ...(r.waiting.message ? { message: r.waiting.message } : {}) } };
    last = { terminated: terminatedOf(cur, ts) };
  } else state = { terminated: terminatedOf(cur, ts) };
  s.state = state;
  s.lastState = last;
  s.ready = !cur.exit && r.ready;
  s.restartCount = cur.attempt;
  s.image = cur.image.ref;
  s.imageID = imageIDOf(cur.image.ref, cur.image.id);
  s.containerID = `containerd://${cur.id}`;
  s.started = !cur.exit && r.started;
  const mounts = (r.spec.volumeMounts ?? []).map((m) => {
    const v: Record<string, unknown> = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      v.readOnly = true;
      v.recursiveReadOnly = 'Disabled';
    }
    return v;
  });
  if (mounts.length) s.volumeMounts = mounts;
  return s as unknown as ContainerStatus;
}

/** The status of container `name` (names are unique in a pod; pods have a few containers, so a scan beats a Map). */
function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  for (const s of statuses) if (s.name === name) return s;
  return undefined;
}

/** getPhase (pkg/kubelet/kubelet_pods.go, v1.32). */
export function getPhase(spec: PodSpec, init: ContainerStatus[], regular: ContainerStatus[], podIsTerminal: boolean, isStatic: boolean): string {
  let pendingRegularInit = 0;
  let pendingRestartableInit = 0;
  let failedInitialization = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') continue;
    const s = statusOf(init, c.name);
    if (!s) {
      pendingRegularInit++;
      continue;
    }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    const s = statusOf(init, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) {
      if (!s.started) pendingRestartableInit++;
      running++;
    } else if (s.state?.terminated) {
      // Stopped sidecars do not count towards the phase.
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) pendingRestartableInit++;
    } else {
      pendingRestartableInit++;
      unknown++;
    }
  }
  for (const c of spec.containers ?? []) {
    const s = statusOf(regular, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = spec.restartPolicy ?? 'Always';
  if (failedInitialization > 0 && policy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && (unknown > 0 || waiting > 0 || running === 0))) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal && !isStatic) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function cond(type: string, status: string, reason?: string, message?: string): Condition {
  const c: Condition = { type, status };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function containersReady(spec: PodSpec, statuses: ContainerStatus[], phase: string): Condition {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') checkReady(statuses, c.name, unknown, unready);
  for (const c of spec.containers ?? []) checkReady(statuses, c.name, unknown, unready);
  if (phase === 'Succeeded' && unknown.length === 0) return cond('ContainersReady', 'False', 'PodCompleted');
  if (phase === 'Failed') return cond('ContainersReady', 'False', 'PodFailed');
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${goList(unready)}`);
  if (msgs.length) return cond('ContainersReady', 'False', 'ContainersNotReady', msgs.join(', '));
  return cond('ContainersReady', 'True');
}

function checkReady(statuses: readonly ContainerStatus[], name: string, unknown: string[], unready: string[]): void {
  const s = statusOf(statuses, name);
  if (!s) unknown.push(name);
  else if (!s.ready) unready.push(name);
}

function podReady(spec: PodSpec, conditions: Condition[], cr: Condition): Condition {
  if (cr.status !== 'True') return cond('Ready', cr.status, cr.reason, cr.message);
  const msgs: string[] = [];
  for (const g of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return cond('Ready', 'False', 'ReadinessGatesNotReady', msgs.join(', '));
  return cond('Ready', 'True');
}

function initialized(spec: PodSpec, statuses: ContainerStatus[], regular: ContainerStatus[], phase: string): Condition {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = statusOf(statuses, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    if (c.restartPolicy === 'Always') {
      if (!s.started) incomplete.push(c.name);
      continue;
    }
    if (!s.state?.terminated || s.state.terminated.exitCode !== 0) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return cond('Initialized', 'True', 'PodCompleted');
  // A regular container that has run means initialization finished once (sidecars may be restarting).
  if (regular.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)) return cond('Initialized', 'True');
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (msgs.length) return cond('Initialized', 'False', 'ContainersNotInitialized', msgs.join(', '));
  return cond('Initialized', 'True');
}

/** Keep lastTransitionTime of a condition whose status did not change (status manager updateLastTransitionTime). */
function stamp(c: Condition, old: readonly PodCondition[] | undefined, now: string): Condition {
  let prev: PodCondition | undefined;
  if (old) for (const o of old) if (o.type === c.type) { prev = o; break; }
  // The fields of `c` in their order (cond sets reason and message only when given), then the times.
  const out: Condition = { type: c.type, status: c.status };
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.message !== undefined) out.message = c.message;
  out.lastProbeTime = null as unknown as string;
  out.lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  return out;
}

export function generatePodStatus(input: StatusInput): Status {
  const { pod } = input;
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const old = (pod.status ?? {}) as Status;
  const now = input.timestamp();
  const hasInit = (spec.initContainers ?? []).length > 0;
  const defaultWaiting = hasInit ? 'PodInitializing' : 'ContainerCreating';
  const initStatuses: ContainerStatus[] = [];
  const regular: ContainerStatus[] = [];
  for (const c of spec.initContainers ?? []) {
    const r = findRecord(input.records, true, c.name);
    if (r) initStatuses.push(containerStatus(r, defaultWaiting, input.timestamp));
  }
  for (const c of spec.containers ?? []) {
    const r = findRecord(input.records, false, c.name);
    if (r) regular.push(containerStatus(r, defaultWaiting, input.timestamp));
  }
  let phase = getPhase(spec, initStatuses, regular, input.podIsTerminal, input.isStatic);
  if (input.failure) phase = 'Failed';
  // A terminal phase is final (status manager refuses to leave it).
  if ((old.phase === 'Succeeded' || old.phase === 'Failed') && !input.isStatic) phase = old.phase;

  const foreign = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
  const all = [...initStatuses, ...regular];
  const cr = containersReady(spec, all, phase);
  const own: Condition[] = [
    cond('PodReadyToStartContainers', input.sandboxReady ? 'True' : 'False'),
    initialized(spec, all, regular, phase),
    podReady(spec, (old.conditions ?? []) as Condition[], cr),
    cr,
    cond('PodScheduled', 'True'),
  ];
  const conditions: Condition[] = foreign;
  for (const c of own) conditions.push(stamp(c, old.conditions, now));
  const status: Status = { conditions, phase };
  if (input.hostIPs.length) {
    status.hostIP = input.hostIPs[0];
    status.hostIPs = input.hostIPs.map((ip) => ({ ip }));
  }
  const podIPs = input.podIPs.length ? input.podIPs : ((old.podIPs ?? []) as { ip: string }[]).map((p) => p.ip);
  if (podIPs.length) {
    status.podIP = podIPs[0];
    status.podIPs = podIPs.map((ip) => ({ ip }));
  }
  status.startTime = old.startTime ?? now;
  if (hasInit) status.initContainerStatuses = initStatuses;
  status.containerStatuses = regular;
  if (old.qosClass) status.qosClass = old.qosClass;
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  const failure = input.failure ?? (old.reason && (old.phase === 'Failed' || old.phase === 'Succeeded') ? { reason: old.reason, message: old.message ?? '' } : undefined);
  if (failure) {
    status.reason = failure.reason;
    status.message = failure.message;
  }
  return status;
}
