/**
 * Kubernetes quantities as plain numbers for drawing: CPU in cores, memory
 * in bytes. The page only draws and labels them, so a float is precise
 * enough (the API's exact arithmetic lives in workers/api/quantity).
 */

const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** `250m` → 0.25, `1Gi` → 1073741824, `1e3` → 1000; undefined for anything else. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = QUANTITY.exec(q.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** Cores as `kubectl top` prints them: `250m`, `1500m`; `0m` for nothing. */
export function formatCpu(cores: number): string {
  if (!Number.isFinite(cores) || cores <= 0) return '0m';
  const milli = cores * 1000;
  return milli < 1 ? '<1m' : `${Math.round(milli)}m`;
}

/** Bytes as `kubectl top` prints them: `Mi` (whole), `Gi` above 10 Gi with one decimal. */
export function formatMemory(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0Mi';
  const mi = bytes / 2 ** 20;
  if (mi >= 10 * 1024) return `${(mi / 1024).toFixed(1)}Gi`;
  if (mi < 1) return `${Math.max(1, Math.round(bytes / 1024))}Ki`;
  return `${Math.round(mi)}Mi`;
}

export type ResourceName = 'cpu' | 'memory';

export function formatAmount(resource: ResourceName, v: number): string {
  return resource === 'cpu' ? formatCpu(v) : formatMemory(v);
}
