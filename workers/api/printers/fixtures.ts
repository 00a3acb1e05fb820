/** Small object builders for the printer tests. */
import type { KubeObject } from '../object';

/** Fixed virtual "now" the tests measure ages against. */
export const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

/** RFC 3339 for `NOW - ms`. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
}

export const S = 1000;
export const M = 60 * S;
export const H = 60 * M;

export function obj(apiVersion: string, kind: string, name: string, fields: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'default', creationTimestamp: ago(5 * M), ...meta }, ...fields };
}

export interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; signal?: number; finishedAt?: string };
}

export function cstatus(name: string, state: ContainerState, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image: 'nginx', imageID: '', ready: false, restartCount: 0, state, ...extra };
}

export const running = (name: string, extra: Record<string, unknown> = {}) =>
  cstatus(name, { running: { startedAt: ago(4 * M) } }, { ready: true, started: true, ...extra });

export function pod(opts: {
  name?: string;
  containers?: string[];
  initContainers?: { name: string; restartPolicy?: string }[];
  phase?: string;
  reason?: string;
  statuses?: Record<string, unknown>[];
  initStatuses?: Record<string, unknown>[];
  conditions?: { type: string; status: string; reason?: string }[];
  deletionTimestamp?: string;
  nodeName?: string;
  podIP?: string;
  readinessGates?: string[];
}): KubeObject {
  const spec: Record<string, unknown> = {
    containers: (opts.containers ?? ['app']).map((n) => ({ name: n, image: 'nginx' })),
  };
  if (opts.initContainers) spec.initContainers = opts.initContainers.map((c) => ({ image: 'busybox', ...c }));
  if (opts.nodeName) spec.nodeName = opts.nodeName;
  if (opts.readinessGates) spec.readinessGates = opts.readinessGates.map((t) => ({ conditionType: t }));
  const status: Record<string, unknown> = { phase: opts.phase ?? 'Pending' };
  if (opts.reason) status.reason = opts.reason;
  if (opts.statuses) status.containerStatuses = opts.statuses;
  if (opts.initStatuses) status.initContainerStatuses = opts.initStatuses;
  if (opts.conditions) status.conditions = opts.conditions;
  if (opts.podIP) {
    status.podIP = opts.podIP;
    status.podIPs = [{ ip: opts.podIP }];
  }
  const meta: Record<string, unknown> = {};
  if (opts.deletionTimestamp) meta.deletionTimestamp = opts.deletionTimestamp;
  return obj('v1', 'Pod', opts.name ?? 'web', { spec, status }, meta);
}
