/**
 * Containers as describe.go prints them (describeContainers and friends):
 * ids, image, ports, command/args, state, resources, probes, environment and
 * mounts.
 */
import type { Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from 'kubernetes-types/core/v1';
import { joinHostPort } from '../../api/printers/format';
import { mustParseQuantity, type Quantity } from '../../api/quantity/quantity';
import { byBytes, goQuote } from '../../jsonpath/goValue';
import { goStringSlice, printBool, rfc1123z, sortedResourceNames, stringOrNone } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

export type EnvResolver = (e: EnvVar) => string;

export function describeContainers(label: string, containers: Container[] | undefined, statuses: ContainerStatus[] | undefined, resolver: EnvResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

const ports = (list: ContainerPort[] | undefined, pick: (p: ContainerPort) => number | undefined) => (list ?? []).map((p) => `${pick(p) ?? 0}/${p.protocol ?? ''}`).join(', ');

function describeContainerBasicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const p = ports(c.ports, (x) => x.containerPort);
  if (p.includes(',')) w.write(LEVEL_2, `Ports:\t${p}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(p)}\n`);
  const hp = ports(c.ports, (x) => x.hostPort);
  if (hp.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hp}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hp)}\n`);
  const sp = c.securityContext?.seccompProfile;
  if (sp) {
    w.write(LEVEL_2, `SeccompProfile:\t${sp.type}\n`);
    if (sp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${sp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(c: Container, w: PrefixWriter): void {
  if ((c.command ?? []).length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const cmd of c.command!) for (const s of cmd.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  if ((c.args ?? []).length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const arg of c.args!) for (const s of arg.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

export function quantity(v: unknown): Quantity {
  if (typeof v === 'string' && v !== '') return mustParseQuantity(v);
  if (typeof v === 'number') return mustParseQuantity(String(v));
  return mustParseQuantity('0');
}

export function describeResources(r: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!r) return;
  const limits = (r.limits ?? {}) as Record<string, unknown>;
  const requests = (r.requests ?? {}) as Record<string, unknown>;
  const limitNames = sortedResourceNames(limits);
  if (limitNames.length > 0) w.write(level, 'Limits:\n');
  for (const n of limitNames) w.write(level + 1, `${n}:\t${quantity(limits[n]).toString()}\n`);
  const requestNames = sortedResourceNames(requests);
  if (requestNames.length > 0) w.write(level, 'Requests:\n');
  for (const n of requestNames) w.write(level + 1, `${n}:\t${quantity(requests[n]).toString()}\n`);
}

function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(LEVEL_2, `${name}:\tWaiting\n`);
}

function describeContainerState(s: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', s.state, w);
  if (s.lastState?.terminated) describeStatus('Last State', s.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(s.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${s.restartCount ?? 0}\n`);
}

/** url.URL.String() of scheme://host/path, as DescribeProbe builds it. */
function probeUrl(scheme: string, host: string, path: string): string {
  let s = '';
  if (scheme) s += `${scheme}:`;
  if (scheme || host) s += `//${host}`;
  if (path && !path.startsWith('/') && host) s += '/';
  // url.URL escapes the path; the common probe paths need none.
  s += encodeURI(path).replace(/%25/g, '%');
  return s;
}

/** DescribeProbe */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec ${goStringSlice(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const port = p.httpGet.port === undefined || p.httpGet.port === null ? '' : String(p.httpGet.port);
    const host = port.length > 0 ? joinHostPort(p.httpGet.host ?? '', port) : (p.httpGet.host ?? '');
    return `http-get ${probeUrl((p.httpGet.scheme ?? '').toLowerCase(), host, p.httpGet.path ?? '')} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeContainerVolumes(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => byBytes(a.mountPath, b.mountPath));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => byBytes(a.devicePath, b.devicePath));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** resourcehelper.ExtractContainerResourceValue for the env var display. */
function containerResourceValue(resource: string, divisorText: unknown, c: Container): string | undefined {
  const divisor = quantity(divisorText);
  const d = divisor.isZero() ? mustParseQuantity('1') : divisor;
  const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
  const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
  const [kind, name] = resource.split('.', 2) as [string, string | undefined];
  const list = kind === 'limits' ? limits : kind === 'requests' ? requests : undefined;
  if (!list || !name) return undefined;
  const q = quantity(list[name]);
  if (name === 'cpu') return String(Math.ceil(q.milliValue() / d.milliValue()));
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return String(Math.ceil(q.value() / d.value()));
  return undefined;
}

function describeContainerEnvVars(c: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        if (i === 0) w.write(LEVEL_3, `${e.name}:\t${s}\n`);
        else w.write(LEVEL_3, `\t${s}\n`);
      });
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      const res = vf.resourceFieldRef.resource;
      let value = containerResourceValue(res, vf.resourceFieldRef.divisor, c) ?? '';
      if (value === '0' && (res === 'limits.cpu' || res === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${res})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeContainerEnvFrom(c: Container, w: PrefixWriter): void {
  const list = c.envFrom ?? [];
  w.write(LEVEL_2, `Environment Variables from:${list.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of list) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** EnvValueRetriever: downward-API field paths resolved against the pod. */
export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? '';
    const meta = pod.metadata ?? {};
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return ((m[1] === 'labels' ? meta.labels : meta.annotations) ?? {})[m[2]] ?? '';
    switch (path) {
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      case 'metadata.labels':
        return formatMap(meta.labels);
      case 'metadata.annotations':
        return formatMap(meta.annotations);
      case 'spec.nodeName':
        return pod.spec?.nodeName ?? '';
      case 'spec.serviceAccountName':
        return pod.spec?.serviceAccountName ?? '';
      case 'status.hostIP':
        return pod.status?.hostIP ?? '';
      case 'status.hostIPs':
        return (pod.status?.hostIPs ?? []).map((x) => x.ip).join(',');
      case 'status.podIP':
        return pod.status?.podIP ?? '';
      case 'status.podIPs':
        return (pod.status?.podIPs ?? []).map((x) => x.ip).join(',');
      default:
        return '';
    }
  };
}

/** fieldpath.FormatMap: `k="v"` lines, sorted. */
function formatMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort(byBytes);
  return keys.map((k) => `${k}=${goQuote(m![k])}`).join('\n');
}

export { describeStatus };
