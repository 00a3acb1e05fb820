/**
 * How metrics-server writes its numbers: CPU as nanocores
 * (resource.NewScaledQuantity(n, -9)), memory as bytes in BinarySI
 * (resource.NewQuantity(b, BinarySI)), windows as Go durations.
 */
import { Quantity } from '../api/quantity/quantity';

/** `123456789n`, `250m` when it happens to be round, `0` for nothing. */
export function cpuQuantity(nanocores: number): string {
  return new Quantity(BigInt(Math.max(0, Math.round(nanocores))), 'DecimalSI').toString();
}

/** `12345Ki`, `6Mi`; working sets are whole pages, so they always have a binary suffix. */
export function memoryQuantity(bytes: number): string {
  return new Quantity(BigInt(Math.max(0, Math.round(bytes))) * 1_000_000_000n, 'BinarySI').toString();
}

/** time.Duration.String for non-negative durations: `15s`, `15.012s`, `1m0.5s`, `1h2m3s`. */
export function goDuration(ms: number): string {
  if (ms <= 0) return '0s';
  const totalMs = Math.round(ms);
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor((totalMs % 3_600_000) / 60_000);
  const sMs = totalMs % 60_000;
  if (totalMs < 1000) return `${totalMs}ms`;
  const whole = Math.floor(sMs / 1000);
  const frac = sMs % 1000;
  const secs = frac ? `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${whole}s`;
  if (h) return `${h}h${m}m${secs}`;
  if (m) return `${m}m${secs}`;
  return secs;
}

/** Parse a Go duration the way metav1.Duration does, for tests and the HPA (window). Undefined when malformed. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const n = Number(m[1]);
    total += n * ({ h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 } as Record<string, number>)[m[2]];
    pos = re.lastIndex;
  }
  return pos === s.length && pos > 0 ? total : undefined;
}
