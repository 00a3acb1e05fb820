/**
 * metrics-server's scraper and storage (sigs.k8s.io/metrics-server
 * pkg/scraper, pkg/storage): every metric resolution (15 s) it reads each
 * kubelet's /metrics/resource and keeps the last two points per container
 * and node. A container is served once it has two points, or one point
 * taken 10–15 s after it started (storage/pod.go
 * freshContainerMinMetricsResolution); the window is the time between them.
 * Values are those of the last scrape, however often they are read.
 */

/** A container's usage as the kubelet reports it. */
export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  containers: ContainerUsage[];
}

export interface ScrapeSource {
  /** Nodes metrics-server knows (its node informer). */
  nodes(): string[];
  /** The kubelet's resource metrics; undefined when it does not answer. */
  usage(node: string): PodUsage[] | undefined;
  /** When a container last started (ms), as its pod's status says. */
  containerStart(namespace: string, pod: string, container: string): number | undefined;
  /** When the node's kubelet started (ms). */
  nodeStart(node: string): number | undefined;
}

export const METRIC_RESOLUTION_MS = 15_000;
const FRESH_CONTAINER_MIN_MS = 10_000;
const NANO_PER_MILLI = 1_000_000;

interface Point {
  /** When the kubelet took the sample (a little before the scrape). */
  ts: number;
  start: number;
  cpuNanos: number;
  memoryBytes: number;
}

export interface ContainerMetrics {
  name: string;
  cpuNanos: number;
  memoryBytes: number;
}

export interface PodMetricsPoint {
  timestamp: number;
  windowMs: number;
  containers: ContainerMetrics[];
}

export interface NodeMetricsPoint {
  timestamp: number;
  windowMs: number;
  cpuNanos: number;
  memoryBytes: number;
}

/** What runs on a node besides its pods: kubelet, containerd, systemd, the kernel. */
export interface SystemOverhead {
  cpuMillis: number;
  memoryBytes: number;
}

function hash01(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function strHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const PAGE = 4096;

/** Node overhead: a few tens of millicores and ~300 MiB, drifting per scrape. */
export function systemOverhead(node: string, scrape: number): SystemOverhead {
  const seed = strHash(node);
  const cpu = 18 + 10 * hash01(seed, scrape * 2);
  const memory = (290 + 40 * hash01(seed, 7) + 6 * hash01(seed, scrape * 2 + 1)) * 1024 * 1024;
  return { cpuMillis: cpu, memoryBytes: Math.round(memory / PAGE) * PAGE };
}

/** One pod's containers at one scrape; `prev[i]` pairs with `last[i]` (same container). */
interface PodPoints {
  names: string[];
  last: Point[];
  prev: (Point | undefined)[];
}

export class MetricsStorage {
  private pods = new Map<string, PodPoints>();
  private lastNodes = new Map<string, Point>();
  private prevNodes = new Map<string, Point>();
  private scrapes = 0;

  constructor(private readonly resolutionMs = METRIC_RESOLUTION_MS) {}

  /** One scrape of every node at `now`. */
  scrape(now: number, source: ScrapeSource): void {
    const n = ++this.scrapes;
    const pods = new Map<string, PodPoints>();
    const lastNodes = new Map<string, Point>();
    const prevNodes = new Map<string, Point>();
    let salt = Math.imul(n, 0x9e3779b1);
    for (const node of source.nodes()) {
      const usage = source.usage(node);
      if (!usage) continue;
      // The kubelet's stats are a little older than the scrape that reads them.
      const ts = now - Math.floor(900 * hash01(strHash(node), n));
      let cpu = 0;
      let memory = 0;
      for (const p of usage) {
        const key = `${p.namespace}/${p.name}`;
        if (pods.has(key)) continue;
        const stored = this.pods.get(key);
        const k = p.containers.length;
        const entry: PodPoints = { names: new Array(k), last: new Array(k), prev: new Array(k) };
        for (let i = 0; i < k; i++) {
          const c = p.containers[i];
          // Cumulative CPU differences are never round: keep sub-millicore digits.
          const cpuNanos = c.cpuMillis * NANO_PER_MILLI + Math.floor(NANO_PER_MILLI * hash01(salt++, n));
          const memoryBytes = Math.round(c.memoryBytes / PAGE) * PAGE;
          cpu += cpuNanos;
          memory += memoryBytes;
          const start = source.containerStart(p.namespace, p.name, c.name) ?? ts;
          const point: Point = { ts, start, cpuNanos, memoryBytes };
          entry.names[i] = c.name;
          entry.last[i] = point;
          const age = ts - start;
          let j = stored ? stored.names.indexOf(c.name) : -1;
          if (start < ts && age < this.resolutionMs && age >= FRESH_CONTAINER_MIN_MS) {
            entry.prev[i] = { ts: start, start, cpuNanos: 0, memoryBytes: 0 };
            j = -1;
          }
          if (j < 0 || !stored) continue;
          const old = stored.last[j];
          // Kept only while the container has not restarted since.
          if (start >= old.ts) continue;
          if (ts > old.ts) entry.prev[i] = old;
          else {
            const older = stored.prev[j];
            if (older && older.ts < ts) entry.prev[i] = older;
          }
        }
        pods.set(key, entry);
      }
      const overhead = systemOverhead(node, n);
      const nodePoint: Point = { ts, start: source.nodeStart(node) ?? ts, cpuNanos: cpu + overhead.cpuMillis * NANO_PER_MILLI, memoryBytes: memory + overhead.memoryBytes };
      lastNodes.set(node, nodePoint);
      const oldNode = this.lastNodes.get(node);
      const age = ts - nodePoint.start;
      if (nodePoint.start < ts && age < this.resolutionMs && age >= FRESH_CONTAINER_MIN_MS) prevNodes.set(node, { ...nodePoint, ts: nodePoint.start });
      else if (oldNode && oldNode.ts < ts && nodePoint.start < oldNode.ts) prevNodes.set(node, oldNode);
    }
    this.pods = pods;
    this.lastNodes = lastNodes;
    this.prevNodes = prevNodes;
  }

  /** Forget everything (metrics-server restarted: its storage is in memory). */
  reset(): void {
    this.pods.clear();
    this.lastNodes.clear();
    this.prevNodes.clear();
  }

  /** Mirrors podStorage.GetMetrics: every container needs two points; the earliest window wins. */
  pod(namespace: string, name: string): PodMetricsPoint | undefined {
    const e = this.pods.get(`${namespace}/${name}`);
    if (!e) return undefined;
    const containers: ContainerMetrics[] = [];
    let timestamp = 0;
    let windowMs = 0;
    for (let i = 0; i < e.last.length; i++) {
      const l = e.last[i];
      const p = e.prev[i];
      if (!p) return undefined;
      containers.push({ name: e.names[i], cpuNanos: l.cpuNanos, memoryBytes: l.memoryBytes });
      if (!timestamp || l.ts < timestamp) {
        timestamp = l.ts;
        windowMs = l.ts - p.ts;
      }
    }
    return { timestamp, windowMs, containers };
  }

  node(name: string): NodeMetricsPoint | undefined {
    const last = this.lastNodes.get(name);
    const prev = this.prevNodes.get(name);
    if (!last || !prev) return undefined;
    return { timestamp: last.ts, windowMs: last.ts - prev.ts, cpuNanos: last.cpuNanos, memoryBytes: last.memoryBytes };
  }

  get scrapeCount(): number {
    return this.scrapes;
  }
}
