import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { Pod } from '../controllers/replicaset/types';
import { MetricsApi } from './api';
import { cpuQuantity, goDuration, memoryQuantity, parseGoDuration } from './format';
import { MetricsStorage, type PodUsage, type ScrapeSource } from './scraper';

const T0 = Date.UTC(2025, 0, 1, 12);
const MI = 1024 * 1024;

function pod(name: string, labels: Record<string, string>, phase = 'Running', ns = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'app' }, { name: 'sidecar' }] }, status: { phase: phase as 'Running' } } as Pod;
}

const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });

function world(usage: Record<string, PodUsage[]>, starts: Record<string, number> = {}) {
  const source: ScrapeSource = {
    nodes: () => Object.keys(usage),
    usage: (n) => usage[n],
    containerStart: (ns, p) => starts[`${ns}/${p}`] ?? T0 - 3_600_000,
    nodeStart: () => T0 - 86_400_000,
  };
  return source;
}

const u = (ns: string, name: string, cpu: number, memMi: number): PodUsage => ({
  namespace: ns,
  name,
  uid: name,
  containers: [
    { name: 'sidecar', cpuMillis: 1, memoryBytes: 2 * MI },
    { name: 'app', cpuMillis: cpu, memoryBytes: memMi * MI },
  ],
});

function setup(opts: { available?: boolean } = {}) {
  const storage = new MetricsStorage();
  const pods = [pod('web-1', { app: 'web' }), pod('web-2', { app: 'web' }), pod('db-0', { app: 'db' }), pod('pending', { app: 'web' }, 'Pending'), pod('dns', { k8s: 'dns' }, 'Running', 'kube-system')];
  const nodes = [node('worker-1'), node('worker-2')];
  let now = T0;
  const api = new MetricsApi({
    storage,
    pods: (ns) => pods.filter((p) => !ns || p.metadata.namespace === ns),
    pod: (ns, n) => pods.find((p) => p.metadata.namespace === ns && p.metadata.name === n),
    nodes: () => nodes,
    node: (n) => nodes.find((x) => x.metadata.name === n),
    now: () => now,
    timestamp: (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    available: () => opts.available ?? true,
  });
  const source = world({ 'worker-1': [u('default', 'web-1', 250, 30), u('default', 'db-0', 40, 200)], 'worker-2': [u('default', 'web-2', 120, 28), u('kube-system', 'dns', 3, 12)] });
  const scrape = (at: number) => {
    now = at;
    storage.scrape(at, source);
  };
  return { api, storage, scrape, source };
}

const get = (api: MetricsApi, resource: 'pods' | 'nodes', o: { namespace?: string; name?: string; query?: Record<string, string>; accept?: string; verb?: 'get' | 'list' | 'create' | 'watch' }) =>
  api.handle({ verb: o.verb ?? (o.name ? 'get' : 'list'), group: 'metrics.k8s.io', version: 'v1beta1', resource, namespace: o.namespace, name: o.name, query: o.query, accept: o.accept }, resource);

describe('metrics-server storage', () => {
  it('serves a container after two scrapes, with the window between them', () => {
    const { storage, scrape } = setup();
    scrape(T0);
    expect(storage.pod('default', 'web-1')).toBeUndefined();
    scrape(T0 + 15_000);
    const m = storage.pod('default', 'web-1')!;
    expect(m.containers.map((c) => c.name)).toEqual(['sidecar', 'app']);
    expect(Math.floor(m.containers[1].cpuNanos / 1e6)).toBe(250);
    expect(m.windowMs).toBeGreaterThan(14_000);
    expect(m.windowMs).toBeLessThan(16_000);
    expect(storage.node('worker-1')!.cpuNanos).toBeGreaterThan((250 + 40 + 2) * 1e6);
  });

  it('a container 10–15 s old is served at its first scrape, from its start; younger ones wait', () => {
    const storage = new MetricsStorage();
    storage.scrape(T0, world({ n: [u('default', 'fresh', 10, 5), u('default', 'newborn', 10, 5)] }, { 'default/fresh': T0 - 12_000, 'default/newborn': T0 - 3_000 }));
    const fresh = storage.pod('default', 'fresh');
    expect(fresh).toBeDefined();
    expect(fresh!.windowMs).toBeLessThanOrEqual(12_000);
    expect(storage.pod('default', 'newborn')).toBeUndefined();
  });

  it('a restarted container starts over', () => {
    const storage = new MetricsStorage();
    const starts: Record<string, number> = { 'default/x': T0 - 3_600_000 };
    storage.scrape(T0, world({ n: [u('default', 'x', 10, 5)] }, starts));
    starts['default/x'] = T0 + 5_000;
    storage.scrape(T0 + 15_000, world({ n: [u('default', 'x', 10, 5)] }, starts));
    expect(storage.pod('default', 'x')).toBeUndefined();
  });
});

describe('metrics.k8s.io API', () => {
  it('lists PodMetrics of Running pods with metrics, by namespace, sorted, with labels', () => {
    const { api, scrape } = setup();
    scrape(T0);
    scrape(T0 + 15_000);
    const r = get(api, 'pods', { namespace: 'default' });
    expect(r.status).toBe(200);
    const body = r.body as { kind: string; apiVersion: string; items: KubeObject[] };
    expect(body.kind).toBe('PodMetricsList');
    expect(body.apiVersion).toBe('metrics.k8s.io/v1beta1');
    expect(body.items.map((i) => i.metadata.name)).toEqual(['db-0', 'web-1', 'web-2']);
    const web1 = body.items[1] as KubeObject & { containers: { name: string; usage: { cpu: string; memory: string } }[]; window: string; timestamp: string };
    expect(web1.metadata.labels).toEqual({ app: 'web' });
    // Containers come in the pod's order, usage in nanocores and Ki.
    expect(web1.containers.map((c) => c.name)).toEqual(['app', 'sidecar']);
    expect(web1.containers[0].usage.cpu).toMatch(/^250\d{6}n$/);
    expect(web1.containers[0].usage.memory).toMatch(/^\d+Ki$|^\d+Mi$/);
    expect(web1.window).toMatch(/^1[45](\.\d+)?s$/);
    expect(web1.timestamp).toMatch(/^2025-01-01T12:00:1\dZ$/);
    expect(((get(api, 'pods', {}).body as { items: unknown[] }).items).length).toBe(4);
  });

  it('label and field selectors; bad selectors are 400s', () => {
    const { api, scrape } = setup();
    scrape(T0);
    scrape(T0 + 15_000);
    const names = (q: Record<string, string>) => ((get(api, 'pods', { namespace: 'default', query: q }).body as { items: KubeObject[] }).items ?? []).map((i) => i.metadata.name);
    expect(names({ labelSelector: 'app=web' })).toEqual(['web-1', 'web-2']);
    expect(names({ labelSelector: 'app in (db)' })).toEqual(['db-0']);
    expect(names({ fieldSelector: 'metadata.name=web-2' })).toEqual(['web-2']);
    const bad = get(api, 'pods', { namespace: 'default', query: { labelSelector: 'app in web' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { reason: string }).reason).toBe('BadRequest');
  });

  it('get: NotFound for an unknown pod, and for a pod without metrics yet', () => {
    const { api, scrape } = setup();
    scrape(T0);
    const early = get(api, 'pods', { namespace: 'default', name: 'web-1' });
    expect(early.status).toBe(404);
    expect((early.body as { message: string }).message).toBe('podmetrics.metrics.k8s.io "default/web-1" not found');
    scrape(T0 + 15_000);
    expect(get(api, 'pods', { namespace: 'default', name: 'web-1' }).status).toBe(200);
    const missing = get(api, 'pods', { namespace: 'default', name: 'nope' });
    expect((missing.body as { message: string }).message).toBe('pods "nope" not found');
    expect((get(api, 'pods', { namespace: 'default', name: 'pending' }).body as { message: string }).message).toBe('podmetrics.metrics.k8s.io "default/pending" not found');
    expect((get(api, 'nodes', { name: 'worker-9' }).body as { message: string }).message).toBe('nodes "worker-9" not found');
  });

  it('NodeMetrics: usage of each node, labels, Table for kubectl get', () => {
    const { api, scrape } = setup();
    scrape(T0);
    scrape(T0 + 15_000);
    const list = get(api, 'nodes', {}).body as { kind: string; items: (KubeObject & { usage: { cpu: string; memory: string } })[] };
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['worker-1', 'worker-2']);
    expect(list.items[0].metadata.labels).toEqual({ 'kubernetes.io/hostname': 'worker-1' });
    const table = get(api, 'nodes', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }).body as { kind: string; columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(table.rows[0].cells[0]).toBe('worker-1');
    const podTable = get(api, 'pods', { namespace: 'default', name: 'web-1', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }).body as { rows: { cells: string[] }[] };
    // The row sums the containers.
    expect(podTable.rows[0].cells[1]).toMatch(/^25[12]\d{6}n$/);
  });

  it('only get and list; nothing at all while no metrics-server pod is ready', () => {
    const { api } = setup();
    const post = get(api, 'pods', { namespace: 'default', verb: 'create' });
    expect(post.status).toBe(405);
    expect(get(api, 'pods', { namespace: 'default', verb: 'watch' }).status).toBe(405);
    const down = setup({ available: false });
    const r = get(down.api, 'pods', { namespace: 'default' });
    expect(r.status).toBe(503);
  });
});

describe('formats', () => {
  it('writes quantities and durations as metrics-server does', () => {
    expect(cpuQuantity(250_123_456)).toBe('250123456n');
    expect(cpuQuantity(250_000_000)).toBe('250m');
    expect(cpuQuantity(0)).toBe('0');
    expect(memoryQuantity(12_345 * 1024)).toBe('12345Ki');
    expect(memoryQuantity(6 * MI)).toBe('6Mi');
    expect(goDuration(15_000)).toBe('15s');
    expect(goDuration(14_660)).toBe('14.66s');
    expect(goDuration(75_500)).toBe('1m15.5s');
    expect(parseGoDuration('14.66s')).toBe(14_660);
    expect(parseGoDuration('1m15.5s')).toBe(75_500);
    expect(parseGoDuration('15 s')).toBeUndefined();
  });
});
