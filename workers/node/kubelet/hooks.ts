/**
 * Lifecycle hooks (pkg/kubelet/lifecycle/handlers.go): exec and httpGet run
 * against the container; `sleep` only takes time. Failure messages follow
 * the kubelet's FailedPostStartHook / FailedPreStopHook events.
 */
import type { Container, LifecycleHandler } from 'kubernetes-types/core/v1';
import type { ContainerProcess } from '../runtime/types';
import { resolvePort } from './probeRun';

export type HookResult = { ok: true; sleepMs: number } | { ok: false; message: string };

export function runHook(h: LifecycleHandler, proc: ContainerProcess, container: Container, podDesc: string, podIP: string): HookResult {
  if (h.sleep) return { ok: true, sleepMs: Math.max(0, h.sleep.seconds) * 1000 };
  if (h.exec) {
    const cmd = h.exec.command ?? [];
    const r = proc.exec(cmd);
    if (r.exitCode === 0 && !r.error) return { ok: true, sleepMs: 0 };
    const out = r.error ?? r.stdout + r.stderr;
    return {
      ok: false,
      message: `Exec lifecycle hook ([${cmd.join(' ')}]) for Container "${container.name}" in Pod "${podDesc}" failed - error: command '${cmd.join(' ')}' exited with ${r.exitCode}: ${out}, message: ${JSON.stringify(out)}`,
    };
  }
  if (h.httpGet) {
    const port = resolvePort(h.httpGet.port as number | string, container) ?? 80;
    const path = h.httpGet.path ?? '/';
    const host = h.httpGet.host || podIP;
    const res = proc.http({ method: 'GET', path, port });
    if (res && res.status >= 200 && res.status < 400) return { ok: true, sleepMs: 0 };
    const scheme = (h.httpGet.scheme ?? 'HTTP').toLowerCase();
    const err = res
      ? `HTTP lifecycle hook (${path}) for Container "${container.name}" in Pod "${podDesc}" failed - error: <nil>, message: ${JSON.stringify(res.body)}`
      : `HTTP lifecycle hook (${path}) for Container "${container.name}" in Pod "${podDesc}" failed - error: Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused, message: ""`;
    return { ok: false, message: err };
  }
  return { ok: true, sleepMs: 0 };
}
