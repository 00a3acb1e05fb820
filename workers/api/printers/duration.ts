/**
 * Ages as kubectl prints them. Mirrors
 * staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go (Go integer
 * division truncates toward zero, hence Math.trunc).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const trunc = Math.trunc;

/** ~2-3 significant figures: `59s`, `119s`, `2m30s`, `10m`, `3h5m`, `8h`, `2d3h`, `5d`, `2y30d`. */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  // Two seconds of clock skew still count as "now" rather than an error.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const years = trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** One unit only: `5s`, `3m`, `7h`, `12d`, `2y`. */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(hours / 24 / 365)}y`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an RFC 3339 timestamp (metav1.Time, and
 * MicroTime with its six fraction digits), or undefined when missing or not
 * RFC 3339 — which is how metav1.Time decodes such a value: zero.
 */
export function parseTimestamp(ts: unknown): number | undefined {
  if (typeof ts !== 'string') return undefined;
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const frac = m[7] ? Number(`0${m[7]}`) : 0;
  let ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + Math.floor(frac * 1000);
  const zone = m[8];
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * HOUR + Number(zone.slice(4, 6)) * MINUTE);
  }
  return Number.isNaN(ms) ? undefined : ms;
}

/** printers.go translateTimestampSince: `<unknown>` for a zero (missing) time. */
export function translateTimestampSince(timestamp: string | undefined | null, nowMs: number): string {
  const t = parseTimestamp(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t);
}

/** Go's time.RFC3339 layout in UTC, as the default table convertor prints `Created At`. */
export function formatRFC3339(ms: number | undefined): string {
  // A zero metav1.Time formats as Go's zero time.
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
