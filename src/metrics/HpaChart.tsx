/**
 * Small SVG charts of an HPA over virtual time: current and desired
 * replicas (with min and max), and per metric its current value against
 * the target. Step lines, because the HPA's status holds between writes.
 * Colours from the Okabe–Ito palette, and line styles differ as well, so
 * the lines stay apart without colour vision and on a washed-out projector.
 */
import type { HpaSeries, MetricLine } from './hpaSeries';
import { clipToWindow, linear, niceTicks, stepPath, timeTicks, timeWindow, type Frame } from './chartModel';
import { formatCpu, formatMemory } from './quantity';

const W = 420;
const FRAME = (height: number): Frame => ({ width: W, height, left: 40, right: 12, top: 12, bottom: 22 });

function valueText(unit: MetricLine['unit'], v: number): string {
  if (unit === 'percent') return `${Math.round(v)}%`;
  if (unit === 'cores') return formatCpu(v);
  if (unit === 'bytes') return formatMemory(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

interface Line {
  id: string;
  points: { t: number; v?: number }[];
  className: string;
}

interface PanelProps {
  title: string;
  height: number;
  t0: number;
  t1: number;
  yMax: number;
  integer?: boolean;
  format(v: number): string;
  lines: Line[];
  /** Horizontal reference lines (target, min, max), labelled at the right. */
  refs: { v: number; label: string; className: string }[];
  testId: string;
  data?: Record<string, string>;
}

function Panel({ title, height, t0, t1, yMax, integer, format, lines, refs, testId, data }: PanelProps) {
  const f = FRAME(height);
  const ticks = niceTicks(yMax, 4, integer);
  const top = ticks[ticks.length - 1];
  const x = linear(t0, t1, f.left, f.width - f.right);
  const y = linear(0, top, f.height - f.bottom, f.top);
  const times = timeTicks(t0, t1, 4);
  const dataAttrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <figure className="hc-panel" data-testid={testId} {...dataAttrs}>
      <figcaption className="hc-title">{title}</figcaption>
      <svg className="hc-svg" viewBox={`0 0 ${f.width} ${f.height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        {ticks.map((t) => (
          <g key={`y${t}`}>
            <line className="hc-grid" x1={f.left} x2={f.width - f.right} y1={y(t)} y2={y(t)} />
            <text className="hc-axis" x={f.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {times.map((t) => (
          <text key={`x${t.t}`} className="hc-axis" x={x(t.t)} y={f.height - 6} textAnchor={t.label === 'now' ? 'end' : 'middle'}>
            {t.label}
          </text>
        ))}
        {refs.map((r) => (
          <g key={r.label} className={r.className}>
            <line x1={f.left} x2={f.width - f.right} y1={y(r.v)} y2={y(r.v)} />
            <text x={f.width - f.right - 2} y={y(r.v) - 4} textAnchor="end">
              {r.label}
            </text>
          </g>
        ))}
        {lines.map((l) => (
          <path key={l.id} className={l.className} d={stepPath(clipToWindow(l.points, t0), x, y, t1)} data-line={l.id} />
        ))}
      </svg>
    </figure>
  );
}

export function HpaChart({ series, now, windowMs = 10 * 60_000 }: { series: HpaSeries; now: number; windowMs?: number }) {
  const s = series.samples;
  const { t0, t1 } = timeWindow(s.map((p) => p.time), now, windowMs);
  const last = s[s.length - 1];
  const seen = s.filter((p) => p.time >= t0 || p === s[s.length - 1]);
  const maxReplicas = Math.max(1, last?.max ?? 0, ...seen.map((p) => Math.max(p.current ?? 0, p.desired ?? 0)));
  const peak = Math.max(0, ...s.map((p) => p.current ?? 0));
  return (
    <div className="hc" data-testid="hpa-chart" data-samples={s.length} data-peak-replicas={peak}>
      <div className="hc-legend" aria-hidden="true">
        <span><i className="hc-key hc-key-current" /> current replicas</span>
        <span><i className="hc-key hc-key-desired" /> desired</span>
        <span><i className="hc-key hc-key-metric" /> metric</span>
        <span><i className="hc-key hc-key-target" /> target</span>
      </div>
      <Panel
        title={`Replicas: ${last?.current ?? '—'} current, ${last?.desired ?? '—'} desired`}
        height={150}
        t0={t0}
        t1={t1}
        yMax={maxReplicas}
        integer
        format={(v) => String(v)}
        testId="hpa-chart-replicas"
        lines={[
          { id: 'desired', className: 'hc-line hc-desired', points: s.map((p) => ({ t: p.time, v: p.desired })) },
          { id: 'current', className: 'hc-line hc-current', points: s.map((p) => ({ t: p.time, v: p.current })) },
        ]}
        refs={[
          ...(last?.max !== undefined ? [{ v: last.max, label: `max ${last.max}`, className: 'hc-ref hc-bound' }] : []),
          ...(last?.min !== undefined && last.min !== last.max ? [{ v: last.min, label: `min ${last.min}`, className: 'hc-ref hc-bound' }] : []),
        ]}
      />
      {series.metrics.map((m) => {
        const target = last?.targets[m.id];
        const values = seen.map((p) => p.values[m.id]).filter((v): v is number => v !== undefined);
        const current = last?.values[m.id];
        const yMax = Math.max(target !== undefined ? target * 1.5 : 0, ...values, m.unit === 'percent' ? 100 : 0) || 1;
        return (
          <Panel
            key={m.id}
            title={`${m.label}: ${current === undefined ? '<unknown>' : valueText(m.unit, current)} vs target ${target === undefined ? '—' : valueText(m.unit, target)}`}
            height={130}
            t0={t0}
            t1={t1}
            yMax={yMax}
            format={(v) => valueText(m.unit, v)}
            testId="hpa-chart-metric"
            data={{ metric: m.id }}
            lines={[{ id: 'current', className: 'hc-line hc-metric', points: s.map((p) => ({ t: p.time, v: p.values[m.id] })) }]}
            refs={target !== undefined ? [{ v: target, label: `target ${valueText(m.unit, target)}`, className: 'hc-ref hc-target' }] : []}
          />
        );
      })}
    </div>
  );
}
