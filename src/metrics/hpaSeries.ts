/**
 * An HPA's history (the object at each revision that wrote it) as chart
 * series: current and desired replicas, and each metric's current value and
 * target. The HPA writes its status only when something changes, so each
 * sample holds until the next one (step lines).
 */
import { parseQuantity } from './quantity';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One point of an object's history, as the worker's `objectHistory` returns it. */
export interface HistoryPoint {
  revision: number;
  /** Virtual time of the write, ms. */
  time: number;
  /** Absent where the write deleted it. */
  object?: unknown;
}

export type MetricUnit = 'percent' | 'cores' | 'bytes' | 'count';

export interface MetricLine {
  /** `Resource/cpu`, `ContainerResource/cpu/php`, `Pods/packets-per-second`. */
  id: string;
  /** `cpu (% of request)`. */
  label: string;
  unit: MetricUnit;
}

export interface HpaSample {
  revision: number;
  time: number;
  current?: number;
  desired?: number;
  min?: number;
  max?: number;
  /** Current value per metric id (percent as 50 for 50%). */
  values: Record<string, number>;
  targets: Record<string, number>;
}

export interface HpaSeries {
  samples: HpaSample[];
  metrics: MetricLine[];
}

interface MetricRef {
  id: string;
  label: string;
}

function refOf(m: Obj): MetricRef | undefined {
  const type = typeof m.type === 'string' ? m.type : '';
  switch (type) {
    case 'Resource': {
      const name = String(obj(m.resource).name ?? '');
      return name ? { id: `Resource/${name}`, label: name } : undefined;
    }
    case 'ContainerResource': {
      const c = obj(m.containerResource);
      const name = String(c.name ?? '');
      return name ? { id: `ContainerResource/${name}/${String(c.container ?? '')}`, label: `${name} of ${String(c.container ?? '?')}` } : undefined;
    }
    case 'Pods':
    case 'Object':
    case 'External': {
      const field = type === 'Pods' ? 'pods' : type === 'Object' ? 'object' : 'external';
      const name = String(obj(obj(obj(m)[field]).metric).name ?? '');
      return name ? { id: `${type}/${name}`, label: name } : undefined;
    }
    default:
      return undefined;
  }
}

/** The target or current block of a metric spec/status entry. */
function block(m: Obj, which: 'target' | 'current'): Obj {
  const field = { Resource: 'resource', ContainerResource: 'containerResource', Pods: 'pods', Object: 'object', External: 'external' }[String(m.type)] ?? '';
  return obj(obj(m[field])[which]);
}

function valueOf(b: Obj, utilization: boolean): { value?: number; unit: MetricUnit } {
  if (utilization) return { value: num(b.averageUtilization), unit: 'percent' };
  const q = parseQuantity(b.averageValue ?? b.value);
  return { value: q, unit: 'count' };
}

function unitFor(ref: MetricRef, utilization: boolean): MetricUnit {
  if (utilization) return 'percent';
  if (ref.id.endsWith('/cpu') || ref.id.includes('/cpu/')) return 'cores';
  if (ref.id.endsWith('/memory') || ref.id.includes('/memory/')) return 'bytes';
  return 'count';
}

export function hpaSample(point: HistoryPoint): HpaSample | undefined {
  if (point.object === undefined) return undefined;
  const o = obj(point.object);
  const spec = obj(o.spec);
  const status = obj(o.status);
  const s: HpaSample = { revision: point.revision, time: point.time, values: {}, targets: {} };
  const current = num(status.currentReplicas);
  const desired = num(status.desiredReplicas);
  const min = num(spec.minReplicas) ?? 1;
  const max = num(spec.maxReplicas);
  if (current !== undefined) s.current = current;
  if (desired !== undefined) s.desired = desired;
  s.min = min;
  if (max !== undefined) s.max = max;
  const utilizationOf = new Map<string, boolean>();
  for (const m of list(spec.metrics)) {
    const ref = refOf(m);
    if (!ref) continue;
    const t = block(m, 'target');
    const utilization = t.type === 'Utilization';
    utilizationOf.set(ref.id, utilization);
    const v = valueOf(t, utilization).value;
    if (v !== undefined) s.targets[ref.id] = v;
  }
  for (const m of list(status.currentMetrics)) {
    const ref = refOf(m);
    if (!ref) continue;
    const v = valueOf(block(m, 'current'), utilizationOf.get(ref.id) ?? false).value;
    if (v !== undefined) s.values[ref.id] = v;
  }
  return s;
}

/** The metric lines of the HPA's newest spec (the ones a learner reads). */
export function metricLines(hpa: unknown): MetricLine[] {
  const out: MetricLine[] = [];
  for (const m of list(obj(obj(hpa).spec).metrics)) {
    const ref = refOf(m);
    if (!ref) continue;
    const utilization = block(m, 'target').type === 'Utilization';
    out.push({ id: ref.id, label: utilization ? `${ref.label} (% of request)` : ref.label, unit: unitFor(ref, utilization) });
  }
  return out;
}

/**
 * History → series, oldest first, one sample per revision (later duplicates
 * win), keeping the newest `limit`. Samples after a delete start afresh: a
 * re-created HPA is a new story.
 */
export function hpaSeries(points: readonly HistoryPoint[], latest: unknown, limit = 240): HpaSeries {
  const byRev = new Map<number, HistoryPoint>();
  for (const p of points) byRev.set(p.revision, p);
  const sorted = [...byRev.values()].sort((a, b) => a.revision - b.revision);
  let samples: HpaSample[] = [];
  for (const p of sorted) {
    const s = hpaSample(p);
    if (!s) samples = [];
    else samples.push(s);
  }
  if (samples.length > limit) samples = samples.slice(samples.length - limit);
  return { samples, metrics: metricLines(latest ?? sorted[sorted.length - 1]?.object) };
}

/** Append new history points to what is held (the live update), by revision. */
export function mergePoints(held: readonly HistoryPoint[], more: readonly HistoryPoint[], limit = 240): HistoryPoint[] {
  if (!more.length) return held as HistoryPoint[];
  const last = held.length ? held[held.length - 1].revision : 0;
  const fresh = more.filter((p) => p.revision > last);
  const all = held.concat(fresh);
  return all.length > limit ? all.slice(all.length - limit) : all;
}
