/**
 * Objects the imperative commands build, shaped as kubectl's Go structs
 * serialize them (`creationTimestamp: null`, `resources: {}`, `status: {}`),
 * so `--dry-run=client -o yaml` prints what kubectl prints.
 */
import { KubectlError } from '../cli/errors';

type Obj = Record<string, unknown>;

/** The container name kubectl derives from an image (create deployment). */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  return name.replace(/_/g, '-');
}

function meta(name: string, namespace: string | undefined, labels?: Record<string, string>): Obj {
  const m: Obj = { creationTimestamp: null };
  if (labels) m.labels = labels;
  m.name = name;
  if (namespace) m.namespace = namespace;
  return m;
}

export function deploymentObject(o: { name: string; namespace?: string; images: string[]; replicas: number; port: number; command: string[] }): Obj {
  const labels = { app: o.name };
  const containers = o.images.map((image) => {
    const c: Obj = {};
    if (o.command.length) c.command = o.command;
    c.image = image;
    c.name = containerNameFromImage(image);
    if (o.port >= 0) c.ports = [{ containerPort: o.port }];
    c.resources = {};
    return c;
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o.name, o.namespace, labels),
    spec: { replicas: o.replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
    status: {},
  };
}

/** `--tcp=80:8080`-style port specs (create service). */
export function servicePorts(specs: string[], type: string): Obj[] {
  return specs.map((s) => {
    const [p, t] = s.split(':');
    const port = Number(p);
    if (!/^\d+$/.test(p) || port < 0 || port > 65535) throw new KubectlError(`error: invalid port specification: ${JSON.stringify(s)}`);
    const target = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t;
    const sp: Obj = { name: t === undefined ? p : `${p}-${t}`, port, protocol: 'TCP', targetPort: target };
    void type;
    return sp;
  });
}

export function serviceObject(o: { name: string; namespace?: string; type: string; ports: Obj[]; clusterIP?: string; externalName?: string; nodePort?: number }): Obj {
  const labels = { app: o.name };
  const spec: Obj = {};
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.externalName) spec.externalName = o.externalName;
  if (o.ports.length) spec.ports = o.nodePort ? o.ports.map((p) => ({ ...p, nodePort: o.nodePort })) : o.ports;
  if (o.type !== 'ExternalName') spec.selector = labels;
  spec.type = o.type;
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(o.name, o.namespace, labels), spec, status: { loadBalancer: {} } };
}

export function parseLiterals(literals: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of literals) {
    const eq = l.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${l}, expected key=value`);
    const k = l.slice(0, eq);
    if (k in out) throw new KubectlError(`error: cannot add key ${k}, another key by that name already exists in ${what}`);
    out[k] = l.slice(eq + 1);
  }
  return out;
}

export function configMapObject(o: { name: string; namespace?: string; data: Record<string, string> }): Obj {
  const obj: Obj = { apiVersion: 'v1' };
  if (Object.keys(o.data).length) obj.data = o.data;
  obj.kind = 'ConfigMap';
  obj.metadata = meta(o.name, o.namespace);
  return obj;
}

export function secretObject(o: { name: string; namespace?: string; data: Record<string, string>; type?: string }): Obj {
  const obj: Obj = { apiVersion: 'v1' };
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.data)) data[k] = base64(v);
  if (Object.keys(data).length) obj.data = data;
  obj.kind = 'Secret';
  obj.metadata = meta(o.name, o.namespace);
  if (o.type) obj.type = o.type;
  return obj;
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function namespaceObject(name: string): Obj {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined), spec: {}, status: {} };
}

export function jobObject(o: { name: string; namespace?: string; image: string; command: string[] }): Obj {
  const c: Obj = {};
  if (o.command.length) c.command = o.command;
  c.image = o.image;
  c.name = o.name;
  c.resources = {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(o.name, o.namespace),
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [c], restartPolicy: 'Never' } } },
    status: {},
  };
}

export function podObject(o: { name: string; namespace?: string; image: string; labels: Record<string, string>; restart: string; port?: number; env: { name: string; value: string }[]; args: string[]; command: boolean; pullPolicy?: string }): Obj {
  const c: Obj = {};
  if (o.args.length) c[o.command ? 'command' : 'args'] = o.args;
  if (o.env.length) c.env = o.env;
  c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  c.name = o.name;
  if (o.port !== undefined && o.port >= 0) c.ports = [{ containerPort: o.port }];
  c.resources = {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(o.name, o.namespace, o.labels),
    spec: { containers: [c], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart },
    status: {},
  };
}
