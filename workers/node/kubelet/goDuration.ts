/**
 * Go's time.Duration.String() for whole milliseconds, as the kubelet prints
 * durations in events and messages ("2.1s", "532ms", "5m0s").
 */
export function goDuration(ms: number): string {
  ms = Math.trunc(ms);
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = rest - s * 1000;
  const secs = frac ? `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : String(s);
  let out = `${secs}s`;
  if (h > 0) out = `${h}h${m}m${out}`;
  else if (m > 0) out = `${m}m${out}`;
  return (neg ? '-' : '') + out;
}

/** time.RFC3339Nano (trailing zeros of the fraction dropped), from virtual ms. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, f: string) => {
    const t = f.replace(/0+$/, '');
    return t ? `.${t}Z` : 'Z';
  });
}
