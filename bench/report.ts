/** Benchmark figures: a readable table, or one JSON object per line with `--json`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** A number to compare against, or 'report' when the figure is only reported. */
  budget: number | 'report';
  /** 'max': value must be ≤ budget; 'min': value must be ≥ budget. */
  kind?: 'max' | 'min';
}

export function verdict(f: Figure): boolean | null {
  if (f.budget === 'report') return null;
  return f.kind === 'min' ? f.value >= f.budget : f.value <= f.budget;
}

export function print(figures: Figure[], json: boolean): void {
  if (json) {
    for (const f of figures) {
      const ok = verdict(f);
      console.log(JSON.stringify({ name: f.name, value: round(f.value), unit: f.unit, budget: f.budget, ok: ok ?? true }));
    }
    return;
  }
  const rows = figures.map((f) => {
    const ok = verdict(f);
    const budget = f.budget === 'report' ? 'report' : `${f.kind === 'min' ? '≥' : '≤'} ${f.budget}`;
    return [f.name, `${round(f.value)} ${f.unit}`, budget, ok === null ? '' : ok ? 'ok' : 'OVER BUDGET'];
  });
  const head = ['benchmark', 'value', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}
