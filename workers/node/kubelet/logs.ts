/**
 * pods/log and pods/exec as the API server and the kubelet answer them:
 * the container name checks of pkg/registry/core/pod/strategy.go
 * (LogLocation, ExecLocation), then the kubelet's choice of which container
 * instance to read (kubelet_pods.go validateContainerLogStatus) and the
 * log options (tailLines, timestamps, sinceSeconds, sinceTime, limitBytes).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiResponse } from '../../api/request';
import * as S from '../../api/status';
import type { ExecResult, LogLine } from '../runtime/types';
import { newest, type ContainerInstance, type ContainerRecord } from './containerState';
import { rfc3339Nano } from './goDuration';

const bad = (message: string): ApiResponse => ({ status: 400, body: S.badRequest(message) });
const goList = (names: string[]) => `[${names.join(' ')}]`;

/** The container a request names, or picks when the pod has only one. */
export function resolveContainer(pod: Pod, requested: string | undefined): { name: string } | ApiResponse {
  const spec = pod.spec;
  const name = pod.metadata?.name ?? '';
  const regular = (spec?.containers ?? []).map((c) => c.name);
  const init = (spec?.initContainers ?? []).map((c) => c.name);
  const ephemeral = (spec?.ephemeralContainers ?? []).map((c) => c.name);
  if (!requested) {
    if (regular.length === 1) return { name: regular[0] };
    if (regular.length === 0) return bad(`a container name must be specified for pod ${name}`);
    let msg = `a container name must be specified for pod ${name}, choose one of: ${goList(regular)}`;
    if (init.length) msg += ` or one of the init containers: ${goList(init)}`;
    if (ephemeral.length) msg += ` or one of the ephemeral containers: ${goList(ephemeral)}`;
    return bad(msg);
  }
  if (![...regular, ...init, ...ephemeral].includes(requested)) return bad(`container ${requested} is not valid for pod ${name}`);
  return { name: requested };
}

/** The instance whose logs are read, or the kubelet's error text. */
export function logInstance(r: ContainerRecord | undefined, container: string, podName: string, previous: boolean): ContainerInstance | string {
  const cur = r ? newest(r) : undefined;
  const prevInst = r && r.instances.length > 1 ? r.instances[r.instances.length - 2] : undefined;
  // lastState: the exited current instance when it waits to restart, else the one before.
  const last = cur?.exit && r?.waiting ? cur : prevInst?.exit ? prevInst : undefined;
  if (previous) return last ?? `previous terminated container "${container}" in pod "${podName}" not found`;
  if (cur && !cur.exit) return cur;
  if (cur?.exit && !r?.waiting) return cur;
  if (last) return last;
  const reason = r?.waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') return `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`;
  if (reason === 'ImagePullBackOff') return `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`;
  return `container "${container}" in pod "${podName}" is waiting to start: ${reason}`;
}

export interface LogOptions {
  tailLines?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  sinceTime?: number;
  limitBytes?: number;
}

function intParam(v: string | undefined): number | undefined | 'bad' {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : 'bad';
}

export function parseLogOptions(q: Record<string, string | undefined>): LogOptions | ApiResponse {
  const opts: LogOptions = {};
  for (const k of ['tailLines', 'sinceSeconds', 'limitBytes'] as const) {
    const n = intParam(q[k]);
    if (n === 'bad') return bad(`invalid value for ${k}: ${q[k]}`);
    if (n !== undefined) opts[k] = n;
  }
  if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) {
    return { status: 422, body: S.invalid({ group: '', kind: 'PodLogOptions' }, '', [{ type: 'FieldValueInvalid', field: 'sinceSeconds', value: String(opts.sinceSeconds), detail: 'must be greater than 0' }]) };
  }
  if (opts.tailLines !== undefined && opts.tailLines < 0) {
    return { status: 422, body: S.invalid({ group: '', kind: 'PodLogOptions' }, '', [{ type: 'FieldValueInvalid', field: 'tailLines', value: String(opts.tailLines), detail: 'must be greater than or equal to 0' }]) };
  }
  if (opts.limitBytes !== undefined && opts.limitBytes < 1) {
    return { status: 422, body: S.invalid({ group: '', kind: 'PodLogOptions' }, '', [{ type: 'FieldValueInvalid', field: 'limitBytes', value: String(opts.limitBytes), detail: 'must be greater than 0' }]) };
  }
  if (q.sinceTime) {
    const t = Date.parse(q.sinceTime);
    if (Number.isNaN(t)) return bad(`invalid value for sinceTime: ${q.sinceTime}`);
    opts.sinceTime = t;
  }
  opts.timestamps = q.timestamps === 'true';
  return opts;
}

export function formatLogs(lines: readonly LogLine[], opts: LogOptions, now: number): string {
  let sel = lines as LogLine[];
  const since = opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : opts.sinceTime;
  if (since !== undefined) sel = sel.filter((l) => l.time >= since);
  if (opts.tailLines !== undefined) sel = opts.tailLines === 0 ? [] : sel.slice(-opts.tailLines);
  let text = sel.map((l) => `${opts.timestamps ? `${rfc3339Nano(l.time)} ` : ''}${l.text.endsWith('\n') ? l.text : `${l.text}\n`}`).join('');
  if (opts.limitBytes !== undefined) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > opts.limitBytes) text = new TextDecoder().decode(bytes.slice(0, opts.limitBytes));
  }
  return text;
}

/** exec's command: repeated `command` query values, or `{command: [...]}` in the body. */
export function execCommand(query: Record<string, string | undefined>, body: unknown): { command: string[]; stdin?: string } | ApiResponse {
  const b = (body ?? {}) as { command?: unknown; stdin?: unknown };
  let command: string[] | undefined;
  if (Array.isArray(b.command) && b.command.every((c) => typeof c === 'string')) command = b.command as string[];
  else if (query.command !== undefined) {
    const raw = query.command;
    try {
      const parsed = JSON.parse(raw) as unknown;
      command = Array.isArray(parsed) ? parsed.map(String) : [raw];
    } catch {
      command = [raw];
    }
  }
  if (!command?.length) return bad('you must specify at least 1 command');
  return { command, stdin: typeof b.stdin === 'string' ? b.stdin : undefined };
}

export function execResponse(r: ExecResult): ApiResponse {
  const body: Record<string, unknown> = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  if (r.error) body.error = r.error;
  return { status: 200, body };
}
