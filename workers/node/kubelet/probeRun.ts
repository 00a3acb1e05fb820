/**
 * One probe attempt against a running container (pkg/probe/{exec,http,tcp,grpc}),
 * with the output text the kubelet puts in `Unhealthy` events.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ContainerProcess } from '../runtime/types';

export type ProbeResult = 'success' | 'failure';

export interface ProbeOutcome {
  result: ProbeResult;
  output: string;
}

/** A named port of the container, or a number. */
export function resolvePort(port: number | string | undefined, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function runProbe(probe: Probe, proc: ContainerProcess, container: Container, podIP: string): ProbeOutcome {
  if (probe.exec) {
    const r = proc.exec(probe.exec.command ?? []);
    if (r.error) return { result: 'failure', output: r.error };
    if (r.exitCode === 0) return { result: 'success', output: r.stdout + r.stderr };
    return { result: 'failure', output: r.stdout + r.stderr };
  }
  if (probe.httpGet) {
    const h = probe.httpGet;
    const port = resolvePort(h.port as number | string, container);
    if (port === undefined) return { result: 'failure', output: `couldn't find port: ${String(h.port)} in ${container.name}` };
    const scheme = (h.scheme ?? 'HTTP').toLowerCase();
    const host = h.host || podIP;
    let path = h.path ?? '/';
    if (!path.startsWith('/')) path = `/${path}`;
    const url = `${scheme}://${hostPort(host, port)}${path}`;
    const headers: Record<string, string> = {};
    for (const hd of h.httpHeaders ?? []) headers[hd.name] = hd.value;
    const res = proc.http({ method: 'GET', path, port, headers });
    if (!res) return { result: 'failure', output: `Get "${url}": dial tcp ${hostPort(host, port)}: connect: connection refused` };
    // pkg/probe/http: 200 <= code < 400 is success.
    if (res.status >= 200 && res.status < 400) return { result: 'success', output: '' };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port as number | string, container);
    const host = probe.tcpSocket.host || podIP;
    if (port !== undefined && proc.listening(port)) return { result: 'success', output: '' };
    return { result: 'failure', output: `dial tcp ${hostPort(host, port ?? 0)}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    if (proc.listening(port)) return { result: 'success', output: '' };
    const timeout = probe.timeoutSeconds ?? 1;
    return { result: 'failure', output: `timeout: failed to connect service "${hostPort(podIP, port)}" within ${timeout}s` };
  }
  return { result: 'success', output: '' };
}
