/**
 * Starting one container (kuberuntime_container.go startContainer, with
 * kuberuntime_manager.go doBackOff): crash back-off first, then the image,
 * the container config (env, mounts), create, start, postStart.
 */
import type { ContainerConfig } from '../runtime/types';
import { KEEP_INSTANCES, newest, type ContainerInstance, type ContainerRecord } from './containerState';
import { makeEnvironment, expandCommand } from './env';
import { goDuration } from './goDuration';
import { containerLimit } from './resources';
import { runHook } from './hooks';
import { startProbes } from './probes';
import { killContainer } from './containerKill';
import { resolvConf } from './dns';
import type { KubeletServices } from './services';
import { ERROR_RESYNC_MS, PLEG_MS, type PodWorker } from './podWorker';

export type StartResult = 'started' | 'pending' | 'failed';

/** 64 hex digits, from the seeded PRNG. */
export function containerId(svc: KubeletServices): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += svc.rng.int(0x100000000).toString(16).padStart(8, '0');
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
  const events = (type: 'Normal' | 'Warning', reason: string, message: string) => svc.event(obj, type, reason, message);
  const now = svc.clock.now();
  const prev = newest(r);
  if (prev?.exit) {
    const key = stableKey(w, spec.name);
    if (svc.crashBackoff.isInBackOffSince(key, prev.finishedAt!)) {
      const backoff = svc.crashBackoff.get(key);
      events('Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${w.podDesc}`);
      r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${spec.name} pod=${w.podDesc}` };
      w.wake(Math.min(prev.finishedAt! + backoff - now, ERROR_RESYNC_MS));
      return 'failed';
    }
  }
  const image = svc.images.ensure(w.uid, w.key, spec, events, () => w.wake());
  if (image.state === 'pulling') return 'pending';
  if (image.state === 'failed') {
    r.waiting = { reason: image.reason, message: image.message };
    events('Warning', 'Failed', `Error: ${image.reason}`);
    if (image.reason === 'ErrImagePull') w.wake(PLEG_MS);
    else if (image.retryAt !== undefined) w.wake(Math.min(Math.max(image.retryAt - now, 0), ERROR_RESYNC_MS));
    else w.wake(ERROR_RESYNC_MS);
    return 'failed';
  }
  const env = makeEnvironment(spec, w.downwardContext(), svc.objects, svc.serviceEnv(w.pod.metadata!.namespace!, w.pod.spec?.enableServiceLinks !== false));
  if (!env.ok) {
    r.waiting = { reason: 'CreateContainerConfigError', message: env.message };
    events('Warning', 'Failed', `Error: ${env.message}`);
    w.wake(ERROR_RESYNC_MS);
    return 'failed';
  }
  if (prev?.exit) svc.crashBackoff.next(stableKey(w, spec.name), prev.finishedAt!);
  const { command, args } = expandCommand(spec, env.env);
  const mounts: ContainerConfig['mounts'] = [];
  for (const m of spec.volumeMounts ?? []) {
    const volume = w.volumeFor(m.name);
    if (volume) mounts.push({ path: m.mountPath, volume, subPath: m.subPath || undefined, readOnly: !!m.readOnly || volume.readOnly });
  }
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
    resolvConf: resolvConf(w.pod),
  };
  const network = svc.network(w.podIP ?? '');
  if (network) config.network = network;
  const id = containerId(svc);
  events('Normal', 'Created', `Created container ${spec.name}`);
  const process = svc.runtime.start(config);
  const inst: ContainerInstance = { id, attempt: prev ? prev.attempt + 1 : 0, process, image: image.image, specImage: spec.image ?? '', startedAt: svc.clock.now() };
  r.spec = spec;
  r.instances.push(inst);
  if (r.instances.length > KEEP_INSTANCES) r.instances.shift();
  r.waiting = undefined;
  events('Normal', 'Started', `Started container ${spec.name}`);
  process.onExit((exit) => {
    const e = { ...exit };
    if (!e.message && spec.terminationMessagePolicy === 'FallbackToLogsOnError' && e.exitCode !== 0) {
      const logs = lastLogs(inst);
      if (logs) e.message = logs;
    }
    inst.exit = e;
    inst.finishedAt = svc.clock.now();
    // The runtime could not start the process at all (no such executable).
    if (e.reason === 'StartError') events('Warning', 'Failed', `Error: ${e.message ?? 'failed to start container'}`);
    if (inst.killing) {
      svc.clock.cancel(inst.killing.killTask);
      svc.clock.cancel(inst.killing.termTask);
    }
    if (newest(r) === inst) r.stopProbes?.();
    w.wake();
  });
  if (inst.exit) return 'started';
  const postStart = spec.lifecycle?.postStart;
  if (postStart) {
    const h = runHook(postStart, process, spec, w.podDesc, w.podIP ?? '');
    if (!h.ok) {
      events('Warning', 'FailedPostStartHook', h.message);
      killContainer(svc, w, r, inst, w.pod.spec?.terminationGracePeriodSeconds ?? 30, 'FailedPostStartHook');
      return 'started';
    }
  }
  r.stopProbes?.();
  startProbes(svc, r, inst, { podKey: w.key, podIP: w.podIP ?? '', eventObject: () => w.eventObject(), changed: () => w.wake() });
  return 'started';
}
