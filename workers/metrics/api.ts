/**
 * The metrics.k8s.io/v1beta1 API metrics-server serves behind its APIService
 * (sigs.k8s.io/metrics-server pkg/api/pod.go and node.go): PodMetrics and
 * NodeMetrics, get and list only, label and field selectors over the pods
 * and nodes it knows, Tables for `kubectl get podmetrics`.
 */
import type { KubeObject } from '../api/object';
import type { Pod } from '../controllers/replicaset/types';
import type { ApiRequest, ApiResponse } from '../api/request';
import type { ResourceType } from '../api/kinds/types';
import * as S from '../api/status';
import { parseLabelSelector, type Selector } from '../api/selectors/labels';
import { matchFields, parseFieldSelector, type FieldSelector } from '../api/selectors/fields';
import { negotiateTable } from '../api/printers/accept';
import { buildTable, parseIncludeObject } from '../api/printers/table';
import type { Printer } from '../api/printers/types';
import { Quantity, parseQuantity } from '../api/quantity/quantity';
import { cpuQuantity, goDuration, memoryQuantity } from './format';
import type { MetricsStorage } from './scraper';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

/** A Node as metrics-server reads it (name and labels). */
export type NodeObject = KubeObject;

export interface MetricsApiDeps {
  storage: MetricsStorage;
  pods(namespace?: string): Pod[];
  pod(namespace: string, name: string): Pod | undefined;
  nodes(): NodeObject[];
  node(name: string): NodeObject | undefined;
  now(): number;
  /** RFC 3339 at second precision, as metav1.Time serializes. */
  timestamp(ms: number): string;
  /** Is a metrics-server pod ready behind the APIService? */
  available(): boolean;
}

type Json = Record<string, unknown>;

function methodNotAllowed(): ApiResponse {
  return { status: 405, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server does not allow this method on the requested resource', reason: 'MethodNotAllowed', details: {}, code: 405 } };
}

/** kube-aggregator's answer while no endpoint of the APIService's Service is ready. */
function serviceUnavailable(): ApiResponse {
  return { status: 503, body: 'service unavailable\n', contentType: 'text/plain; charset=utf-8' };
}

function sortedUsage(cpuNanos: number, memoryBytes: number): Json {
  return { cpu: cpuQuantity(cpuNanos), memory: memoryQuantity(memoryBytes) };
}

/** Sums per resource, as addPodMetricsToTable adds the containers' usage. */
function podTotals(o: KubeObject): { cpu: string; memory: string } {
  const containers = (o.containers ?? []) as { usage: { cpu: string; memory: string } }[];
  let cpu = Quantity.zero('DecimalSI');
  let memory = Quantity.zero('BinarySI');
  for (const c of containers) {
    const q = parseQuantity(c.usage.cpu);
    const m = parseQuantity(c.usage.memory);
    if (q.ok) cpu = cpu.add(q.quantity);
    if (m.ok) memory = memory.add(m.quantity);
  }
  return { cpu: cpu.toString(), memory: memory.toString() };
}

const metricsColumns: Printer['columns'] = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 },
  { name: 'cpu', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'memory', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 },
];

const podMetricsPrinter: Printer = {
  columns: metricsColumns,
  row: (o) => {
    const t = podTotals(o);
    return [o.metadata.name, t.cpu, t.memory, o.window];
  },
};

const nodeMetricsPrinter: Printer = {
  columns: metricsColumns,
  row: (o) => {
    const u = o.usage as { cpu: string; memory: string };
    return [o.metadata.name, u.cpu, u.memory, o.window];
  },
};

export class MetricsApi {
  constructor(private readonly deps: MetricsApiDeps) {}

  /** The two resources, to add to the API server's registry (discovery lists them from there). */
  resourceTypes(): ResourceType[] {
    const common = { group: METRICS_GROUP, version: METRICS_VERSION, singular: '', verbs: ['get', 'list'] as const };
    return [
      { ...common, kind: 'NodeMetrics', plural: 'nodes', namespaced: false, proxy: (req) => this.handle(req, 'nodes') },
      { ...common, kind: 'PodMetrics', plural: 'pods', namespaced: true, proxy: (req) => this.handle(req, 'pods') },
    ];
  }

  handle(req: ApiRequest, resource: 'pods' | 'nodes'): ApiResponse {
    if (!this.deps.available()) return serviceUnavailable();
    if (req.subresource || (req.verb !== 'get' && req.verb !== 'list')) return methodNotAllowed();
    const table = negotiateTable(req.accept);
    let include: ReturnType<typeof parseIncludeObject> = 'Metadata';
    if (table) {
      include = parseIncludeObject(req.query?.includeObject);
      if (S.isStatus(include)) return { status: include.code, body: include };
    }
    const answer = (items: KubeObject[], single: boolean): ApiResponse => {
      if (table) {
        const printer = resource === 'pods' ? podMetricsPrinter : nodeMetricsPrinter;
        const t = buildTable(printer, items, this.deps.now(), { includeObject: include as 'None' | 'Metadata' | 'Object', apiVersion: table, listMeta: {} });
        // The table convertor names its columns from the first row; with no rows there are none.
        if (!items.length) t.columnDefinitions = [];
        return { status: 200, body: t };
      }
      if (single) return { status: 200, body: items[0] };
      return { status: 200, body: { kind: resource === 'pods' ? 'PodMetricsList' : 'NodeMetricsList', apiVersion: API_VERSION, metadata: {}, items } };
    };
    if (req.verb === 'get') {
      const r = resource === 'pods' ? this.getPod(req.namespace ?? '', req.name ?? '') : this.getNode(req.name ?? '');
      return 'status' in r && typeof r.status === 'number' ? (r as ApiResponse) : answer([r as KubeObject], true);
    }
    const sel = selectors(req);
    if (S.isStatus(sel)) return { status: sel.code, body: sel };
    const items = resource === 'pods' ? this.listPods(req.namespace, sel) : this.listNodes(sel);
    return answer(items, false);
  }

  private podMetrics(pod: Pod): KubeObject | undefined {
    // metrics-server leaves out pods that are not Running.
    if (pod.status?.phase !== 'Running') return undefined;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    const m = this.deps.storage.pod(ns, name);
    if (!m) return undefined;
    const order = new Map((pod.spec?.containers ?? []).map((c, i) => [c.name, i]));
    const containers = [...m.containers].sort((a, b) => (order.get(a.name) ?? 99) - (order.get(b.name) ?? 99));
    const metadata: Json = { name, namespace: ns, creationTimestamp: this.deps.timestamp(this.deps.now()) };
    if (pod.metadata?.labels && Object.keys(pod.metadata.labels).length) metadata.labels = { ...pod.metadata.labels };
    return {
      kind: 'PodMetrics',
      apiVersion: API_VERSION,
      metadata,
      timestamp: this.deps.timestamp(m.timestamp),
      window: goDuration(m.windowMs),
      containers: containers.map((c) => ({ name: c.name, usage: sortedUsage(c.cpuNanos, c.memoryBytes) })),
    };
  }

  private nodeMetrics(node: NodeObject): KubeObject | undefined {
    const name = node.metadata.name!;
    const m = this.deps.storage.node(name);
    if (!m) return undefined;
    const metadata: Json = { name, creationTimestamp: this.deps.timestamp(this.deps.now()) };
    if (node.metadata?.labels && Object.keys(node.metadata.labels).length) metadata.labels = { ...node.metadata.labels };
    return { kind: 'NodeMetrics', apiVersion: API_VERSION, metadata, timestamp: this.deps.timestamp(m.timestamp), window: goDuration(m.windowMs), usage: sortedUsage(m.cpuNanos, m.memoryBytes) };
  }

  private getPod(namespace: string, name: string): KubeObject | ApiResponse {
    const pod = this.deps.pod(namespace, name);
    if (!pod) return { status: 404, body: S.notFound({ group: '', resource: 'pods' }, name) };
    const m = this.podMetrics(pod);
    if (!m) return { status: 404, body: S.notFound({ group: METRICS_GROUP, resource: 'podmetrics' }, `${namespace}/${name}`) };
    return m;
  }

  private getNode(name: string): KubeObject | ApiResponse {
    const node = this.deps.node(name);
    if (!node) return { status: 404, body: S.notFound({ group: '', resource: 'nodes' }, name) };
    const m = this.nodeMetrics(node);
    if (!m) return { status: 404, body: S.notFound({ group: METRICS_GROUP, resource: 'nodemetrics' }, name) };
    return m;
  }

  private listPods(namespace: string | undefined, sel: Selectors): KubeObject[] {
    const pods = this.deps
      .pods(namespace)
      .filter((p) => matches(sel, p.metadata.labels, { 'metadata.name': p.metadata.name!, 'metadata.namespace': p.metadata.namespace! }))
      .sort((a, b) => (a.metadata.namespace! !== b.metadata.namespace! ? (a.metadata.namespace! < b.metadata.namespace! ? -1 : 1) : a.metadata.name! < b.metadata.name! ? -1 : 1));
    const out: KubeObject[] = [];
    for (const p of pods) {
      const m = this.podMetrics(p);
      if (m) out.push(m);
    }
    return out;
  }

  private listNodes(sel: Selectors): KubeObject[] {
    const nodes = this.deps
      .nodes()
      .filter((n) => matches(sel, n.metadata.labels, { 'metadata.name': n.metadata.name! }))
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const out: KubeObject[] = [];
    for (const n of nodes) {
      const m = this.nodeMetrics(n);
      if (m) out.push(m);
    }
    return out;
  }
}

interface Selectors {
  labels?: Selector;
  fields?: FieldSelector;
}

function selectors(req: ApiRequest): Selectors | S.Status {
  const out: Selectors = {};
  const ls = req.query?.labelSelector;
  if (ls) {
    const r = parseLabelSelector(ls);
    if (!r.ok) return S.badRequest(r.error);
    out.labels = r.selector;
  }
  const fs = req.query?.fieldSelector;
  if (fs) {
    const r = parseFieldSelector(fs);
    if (!r.ok) return S.badRequest(r.error);
    out.fields = r.selector;
  }
  return out;
}

function matches(sel: Selectors, labels: Record<string, string> | undefined, fields: Record<string, string>): boolean {
  if (sel.labels && !sel.labels.matches(labels ?? {})) return false;
  if (sel.fields && !matchFields(sel.fields, fields)) return false;
  return true;
}
