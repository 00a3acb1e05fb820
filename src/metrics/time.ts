/** `45s`, `3m`, `2h` between an RFC 3339 time and virtual now (kubectl's short form, enough for "last scaled"). */
export function sinceText(ts: string, nowMs: number): string {
  const t = Date.parse(ts);
  if (!Number.isFinite(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((nowMs - t) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}
