/**
 * Scales, ticks and SVG paths for the small autoscaling charts: pure
 * functions, so what the chart draws is tested without a DOM.
 */

export interface Frame {
  width: number;
  height: number;
  /** Plot insets: room for the y labels on the left, the time labels at the bottom. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type Scale = (v: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  if (!(d1 > d0)) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round ticks (1, 2, 5 × 10^n) from 0 up to and including a tick ≥ max. */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let v = 0; v < top + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks[ticks.length - 1] < top) ticks.push(Math.round((ticks[ticks.length - 1] + step) * 1e6) / 1e6);
  return ticks;
}

export interface StepPoint {
  t: number;
  v?: number;
}

/**
 * A step line: each value holds until the next point's time, the last one
 * until `tEnd`. An undefined value breaks the line. Coordinates rounded to
 * 0.1 px so paths stay short and stable.
 */
export function stepPath(points: readonly StepPoint[], x: Scale, y: Scale, tEnd: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  let open = false;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (p.v === undefined || !Number.isFinite(p.v)) {
      open = false;
      continue;
    }
    const x0 = r(x(p.t));
    const y0 = r(y(p.v));
    d += open ? ` V${y0}` : `${d ? ' ' : ''}M${x0} ${y0}`;
    const next = points[i + 1];
    const x1 = r(x(next ? next.t : Math.max(tEnd, p.t)));
    d += ` H${x1}`;
    open = true;
  }
  return d;
}

/** Time labels under the chart: `-4m`, `-2m`, `now` (virtual time before the end). */
export function timeTicks(t0: number, t1: number, count = 4): { t: number; label: string }[] {
  const span = t1 - t0;
  if (!(span > 0)) return [{ t: t1, label: 'now' }];
  const steps = [5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];
  const step = steps.find((s) => span / s <= count) ?? Math.ceil(span / count / 3_600_000) * 3_600_000;
  const out: { t: number; label: string }[] = [];
  for (let ago = 0; ago <= span; ago += step) out.unshift({ t: t1 - ago, label: ago === 0 ? 'now' : `-${agoText(ago)}` });
  return out;
}

function agoText(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  if (ms < 3_600_000) return ms % 60_000 ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s` : `${ms / 60_000}m`;
  return `${Math.round((ms / 3_600_000) * 10) / 10}h`;
}

/** The plotted window: from the first sample (or `windowMs` before the end, whichever is later) to `now`. */
export function timeWindow(times: readonly number[], now: number, windowMs = 10 * 60_000): { t0: number; t1: number } {
  const t1 = Math.max(now, times.length ? times[times.length - 1] : now);
  const first = times.length ? times[0] : t1;
  const t0 = Math.max(first, t1 - windowMs);
  return { t0: t0 < t1 ? t0 : t1 - 60_000, t1 };
}

/** Points seen from `t0` on: the value holding at `t0` starts there, earlier points go. */
export function clipToWindow<P extends StepPoint>(points: readonly P[], t0: number): P[] {
  let start = 0;
  for (let i = 0; i < points.length && points[i].t <= t0; i++) start = i;
  const out = points.slice(start);
  if (out.length && out[0].t < t0) out[0] = { ...out[0], t: t0 };
  return out;
}
