/** A VerticalPodAutoscaler's recommendation per container (autoscaling.k8s.io/v1 status), for a small table. */
import { formatCpu, formatMemory, parseQuantity } from './quantity';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

export interface VpaBand {
  lower?: number;
  target?: number;
  upper?: number;
  uncapped?: number;
}

export interface VpaRow {
  container: string;
  cpu: VpaBand;
  memory: VpaBand;
}

function band(c: Obj, r: 'cpu' | 'memory'): VpaBand {
  const b: VpaBand = {};
  const put = (k: keyof VpaBand, field: string) => {
    const v = parseQuantity(obj(c[field])[r]);
    if (v !== undefined) b[k] = v;
  };
  put('lower', 'lowerBound');
  put('target', 'target');
  put('upper', 'upperBound');
  put('uncapped', 'uncappedTarget');
  return b;
}

export function vpaRows(vpa: unknown): VpaRow[] {
  const recs = list(obj(obj(obj(vpa).status).recommendation).containerRecommendations);
  return recs.map((c) => ({ container: String(c.containerName ?? ''), cpu: band(c, 'cpu'), memory: band(c, 'memory') }));
}

/** `100m – 250m – 1200m` style text for one band; `—` when nothing is recommended yet. */
export function bandText(b: VpaBand, resource: 'cpu' | 'memory'): { lower: string; target: string; upper: string } {
  const f = resource === 'cpu' ? formatCpu : formatMemory;
  const t = (v: number | undefined) => (v === undefined ? '—' : f(v));
  return { lower: t(b.lower), target: t(b.target), upper: t(b.upper) };
}

/** `Auto`, `Off`, … (spec.updatePolicy.updateMode; the API's default is Auto). */
export function vpaMode(vpa: unknown): string {
  const m = obj(obj(obj(vpa).spec).updatePolicy).updateMode;
  return typeof m === 'string' && m ? m : 'Auto';
}
