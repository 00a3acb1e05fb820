/**
 * Starting one container (kuberuntime_container.go startContainer, with
 * kuberuntime_manager.go doBackOff): crash back-off first, then the image,
 * the container config (env, mounts), create, start, postStart.
 */
import type { KubeObject } from '../../api/object';
import type { Container } from 'kubernetes-types/core/v1';
import type { ContainerConfig, ContainerExit } from '../runtime/types';
import { KEEP_INSTANCES, newest, type ContainerInstance, type ContainerRecord } from './containerState';
import { makeEnvironment, expandCommand } from './env';
import { goDuration } from './goDuration';
import { containerLimit } from './resources';
import { runHook } from './hooks';
import { hasProbes, noProbes, startProbes } from './probes';
import { killContainer } from './containerKill';
import { resolvConf } from './dns';
import type { KubeletServices } from './services';
import { ERROR_RESYNC_MS, PLEG_MS, type PodWorker } from './podWorker';

export type StartResult = 'started' | 'pending' | 'failed';

/** Two hex digits for every byte value. */
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** 64 hex digits, from the seeded PRNG (eight 32-bit draws, each as 8 digits). */
export function containerId(svc: KubeletServices): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    const n = svc.rng.int(0x100000000);
    s += HEX_BYTE[(n >>> 24) & 0xff] + HEX_BYTE[(n >>> 16) & 0xff] + HEX_BYTE[(n >>> 8) & 0xff] + HEX_BYTE[n & 0xff];
  }
  return s;
}

/** The crash back-off key (getStableKey: pod name, namespace, UID and container name). */
function stableKey(w: PodWorker, name: string): string {
  return `${w.pod.metadata!.name}_${w.pod.metadata!.namespace}_${w.uid}_${name}`;
}

function lastLogs(inst: ContainerInstance, maxLines = 80, maxBytes = 2048): string {
  const lines = inst.process.logs.slice(-maxLines).map((l) => l.text);
  let text = lines.join('\n');
  if (text.length > maxBytes) text = text.slice(text.length - maxBytes);
  return text;
}

export function startContainer(svc: KubeletServices, w: PodWorker, r: ContainerRecord): StartResult {
  const spec = w.currentSpec(r);
  const obj = w.eventObject();
  const now = svc.clock.now();
  const prev = newest(r);
  if (prev?.exit) {
    const key = stableKey(w, spec.name);
    if (svc.crashBackoff.isInBackOffSince(key, prev.finishedAt!)) {
      const backoff = svc.crashBackoff.get(key);
      svc.event(obj, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${w.podDesc}`);
      r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${spec.name} pod=${w.podDesc}` };
      w.wake(Math.min(prev.finishedAt! + backoff - now, ERROR_RESYNC_MS));
      return 'failed';
    }
  }
  // Anonymous closures only: under keepNames (tsx, the bench) a named one costs a property store each.
  const image = svc.images.ensure(w.uid, w.key, spec, (type, reason, message) => svc.event(obj, type, reason, message), () => w.wake());
  if (image.state === 'pulling') return 'pending';
  if (image.state === 'failed') {
    r.waiting = { reason: image.reason, message: image.message };
    svc.event(obj, 'Warning', 'Failed', `Error: ${image.reason}`);
    if (image.reason === 'ErrImagePull') w.wake(PLEG_MS);
    else if (image.retryAt !== undefined) w.wake(Math.min(Math.max(image.retryAt - now, 0), ERROR_RESYNC_MS));
    else w.wake(ERROR_RESYNC_MS);
    return 'failed';
  }
  const env = makeEnvironment(spec, w.downwardContext(), svc.objects, svc.serviceEnv(w.pod.metadata!.namespace!, w.pod.spec?.enableServiceLinks !== false));
  if (!env.ok) {
    r.waiting = { reason: 'CreateContainerConfigError', message: env.message };
    svc.event(obj, 'Warning', 'Failed', `Error: ${env.message}`);
    w.wake(ERROR_RESYNC_MS);
    return 'failed';
  }
  if (prev?.exit) svc.crashBackoff.next(stableKey(w, spec.name), prev.finishedAt!);
  const { command, args } = expandCommand(spec, env.env);
  let mounts: ContainerConfig['mounts'] = [];
  for (const m of spec.volumeMounts ?? []) {
    const volume = w.volumeFor(m.name);
    if (volume) mounts.push({ path: m.mountPath, volume, subPath: m.subPath || undefined, readOnly: !!m.readOnly || volume.readOnly });
  }
  // The runtime keeps the list as long as the container lives: no spare capacity.
  mounts = mounts.slice();
  const sc = spec.securityContext ?? {};
  const podSc = w.pod.spec?.securityContext ?? {};
  const config: ContainerConfig = {
    podUid: w.uid,
    podName: w.pod.metadata!.name!,
    namespace: w.pod.metadata!.namespace!,
    name: spec.name,
    image: image.image,
    command,
    args,
    env: env.env,
    workingDir: spec.workingDir || undefined,
    hostname: w.pod.spec?.hostname ?? (w.pod.spec?.hostNetwork ? svc.nodeName : w.pod.metadata!.name!),
    podIP: w.podIP ?? '',
    memoryLimitBytes: containerLimit(spec, 'memory'),
    cpuLimitMillis: containerLimit(spec, 'cpu'),
    runAsUser: sc.runAsUser ?? podSc.runAsUser,
    mounts,
    terminationMessagePath: spec.terminationMessagePath ?? '/dev/termination-log',
    resolvConf: svc.shareText(resolvConf(w.pod)),
    network: svc.network(w.podIP ?? ''),
  };
  const id = containerId(svc);
  svc.event(obj, 'Normal', 'Created', `Created container ${spec.name}`);
  const process = svc.runtime.start(config);
  const inst: ContainerInstance = { id, attempt: prev ? prev.attempt + 1 : 0, process, image: image.image, specImage: spec.image ?? '', startedAt: svc.clock.now() };
  r.spec = spec;
  // Most records hold one instance: an array of exactly one, not one with room for sixteen more.
  if (r.instances.length) r.instances.push(inst);
  else r.instances = [inst];
  if (r.instances.length > KEEP_INSTANCES) r.instances.shift();
  r.waiting = undefined;
  svc.event(obj, 'Normal', 'Started', `Started container ${spec.name}`);
  // The listener lives as long as the container: it keeps only what the exit needs.
  process.onExit((exit) => containerExited(svc, w, r, inst, spec, obj, exit));
  if (inst.exit) return 'started';
  const postStart = spec.lifecycle?.postStart;
  if (postStart) {
    const h = runHook(postStart, process, spec, w.podDesc, w.podIP ?? '');
    if (!h.ok) {
      svc.event(obj, 'Warning', 'FailedPostStartHook', h.message);
      killContainer(svc, w, r, inst, w.pod.spec?.terminationGracePeriodSeconds ?? 30, 'FailedPostStartHook');
      return 'started';
    }
  }
  r.stopProbes?.();
  if (hasProbes(spec)) startProbes(svc, r, inst, { podKey: w.key, podIP: w.podIP ?? '', eventObject: () => w.eventObject(), changed: () => w.wake() });
  else noProbes(r);
  return 'started';
}

/** The container's process ended: record the exit (with the log tail as message when asked), stop its probes, sync the pod. */
function containerExited(svc: KubeletServices, w: PodWorker, r: ContainerRecord, inst: ContainerInstance, spec: Container, obj: KubeObject, exit: ContainerExit): void {
  const e = { ...exit };
  if (!e.message && spec.terminationMessagePolicy === 'FallbackToLogsOnError' && e.exitCode !== 0) {
    const logs = lastLogs(inst);
    if (logs) e.message = logs;
  }
  inst.exit = e;
  inst.finishedAt = svc.clock.now();
  // The runtime could not start the process at all (no such executable).
  if (e.reason === 'StartError') svc.event(obj, 'Warning', 'Failed', `Error: ${e.message ?? 'failed to start container'}`);
  if (inst.killing) {
    svc.clock.cancel(inst.killing.killTask);
    svc.clock.cancel(inst.killing.termTask);
  }
  if (newest(r) === inst) r.stopProbes?.();
  w.wake();
}
