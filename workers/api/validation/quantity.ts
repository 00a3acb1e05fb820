/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource/quantity.go):
 * parsing, comparison and the canonical form the API server writes back
 * (`0.5` → `500m`, `1024Mi` → `1Gi`, `1000m` → `1`).
 *
 * A value is sign × mantissa × 10^exp10 with a BigInt mantissa, exact for
 * every string the API accepts (binary suffixes included).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Signed mantissa. */
  mant: bigint;
  exp10: number;
  format: QuantityFormat;
  /** What Go's ParseQuantity would keep as `i` and `s` (for %#v-style messages). */
  goInt?: { value: bigint; scale: number; cached: string };
}

export const QUANTITY_REGEX_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP: Record<number, string> = Object.fromEntries(Object.entries(DEC_SUFFIX).map(([k, v]) => [v, k]));
const BIN_BY_EXP: Record<number, string> = Object.fromEntries(Object.entries(BIN_SUFFIX).map(([k, v]) => [v, k]));

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (b: bigint): bigint => (b < 0n ? -b : b);

/** Returns undefined when the string is not a quantity (upstream: a 400 from decoding). */
export function parseQuantity(input: string | number): Quantity | undefined {
  const str = typeof input === 'number' ? String(input) : input.trim();
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(str);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const neg = m[1] === '-';
  const num = m[2];
  const denom = m[3] ?? '';
  const suffix = m[4];
  let format: QuantityFormat;
  let exp10 = 0;
  let base2 = 0;
  if (suffix in DEC_SUFFIX) {
    format = 'DecimalSI';
    exp10 = DEC_SUFFIX[suffix];
  } else if (suffix in BIN_SUFFIX) {
    format = 'BinarySI';
    base2 = BIN_SUFFIX[suffix];
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
  } else {
    return undefined;
  }
  const digits = (num + denom).replace(/^0+(?=\d)/, '') || '0';
  let mant = BigInt(digits) * (1n << BigInt(base2));
  let e = exp10 - denom.length;
  // Values below the nano scale round up (away from zero), as ParseQuantity does.
  if (e < -9) {
    const div = pow10(-9 - e);
    mant = mant % div === 0n ? mant / div : mant / div + 1n;
    e = -9;
  }
  const q: Quantity = { mant: neg ? -mant : mant, exp10: e, format };
  q.goInt = goIntOf(neg, num, denom, format, exp10, base2, str);
  return q;
}

/** The int64Amount ParseQuantity's fast path builds, with its cached string if canonical. */
function goIntOf(neg: boolean, num: string, denom: string, format: QuantityFormat, exp10: number, base2: number, str: string) {
  const shifted = num + denom;
  if (!/^[0-9]+$/.test(shifted) || shifted.length > 18) return undefined;
  let value = BigInt(shifted);
  let scale: number;
  if (format === 'BinarySI') {
    if (denom.length) return undefined;
    value = value << BigInt(base2);
    scale = 0;
  } else {
    scale = exp10 - denom.length;
  }
  if (scale < -9) return undefined;
  let cached = '';
  if (format === 'BinarySI') {
    if (base2 % 10 === 0 && (BigInt(shifted) & 7n) !== 0n) cached = str;
  } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
    cached = str;
  }
  return { value: neg ? -value : value, scale, cached };
}

export function isZero(q: Quantity): boolean {
  return q.mant === 0n;
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exp10, b.exp10);
  const av = a.mant * pow10(a.exp10 - e);
  const bv = b.mant * pow10(b.exp10 - e);
  return av < bv ? -1 : av > bv ? 1 : 0;
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp10, b.exp10);
  return { mant: a.mant * pow10(a.exp10 - e) + b.mant * pow10(b.exp10 - e), exp10: e, format: a.format };
}

/** Value scaled to 10^scale, rounded up (ScaledValue / Value / MilliValue). */
export function scaledValue(q: Quantity, scale: number): bigint {
  const d = q.exp10 - scale;
  if (d >= 0) return q.mant * pow10(d);
  const div = pow10(-d);
  const t = q.mant / div;
  return q.mant % div === 0n || q.mant < 0n ? t : t + 1n;
}

export const value = (q: Quantity): bigint => scaledValue(q, 0);
export const milliValue = (q: Quantity): bigint => scaledValue(q, -3);

/** SetDefaults_ResourceList: RoundUp(-3). */
export function roundUpMilli(q: Quantity): Quantity {
  if (q.exp10 >= -3) return q;
  return { mant: scaledValue(q, -3), exp10: -3, format: q.format, goInt: undefined };
}

/** Quantity.String(): CanonicalizeBytes. */
export function quantityString(q: Quantity): string {
  if (q.mant === 0n) return '0';
  const sign = q.mant < 0n ? '-' : '';
  let format = q.format;
  if (format === 'BinarySI') {
    const a = abs(q.mant);
    const lt1024 = compareQuantity({ mant: a, exp10: q.exp10, format }, { mant: 1024n, exp10: 0, format }) < 0;
    const exact = q.exp10 >= 0 || a % pow10(-q.exp10) === 0n;
    if (lt1024 || !exact) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = abs(q.mant) * (q.exp10 >= 0 ? pow10(q.exp10) : 1n);
    if (q.exp10 < 0) v = abs(q.mant) / pow10(-q.exp10);
    let k = 0;
    while (k < 6 && v % 1024n === 0n) {
      v /= 1024n;
      k++;
    }
    return `${sign}${v}${BIN_BY_EXP[k * 10] ?? ''}`;
  }
  let mant = abs(q.mant);
  let e = q.exp10;
  while (mant % 10n === 0n) {
    mant /= 10n;
    e++;
  }
  const r = ((e % 3) + 3) % 3;
  if (r === 1) {
    mant *= 10n;
    e -= 1;
  } else if (r === 2) {
    mant *= 100n;
    e -= 2;
  }
  if (format === 'DecimalExponent') return `${sign}${mant}${e === 0 ? '' : `e${e}`}`;
  while (e > 18) {
    mant *= 1000n;
    e -= 3;
  }
  return `${sign}${mant}${DEC_BY_EXP[e] ?? ''}`;
}

/** Canonical form of a quantity string, or the input unchanged when it does not parse. */
export function canonicalQuantity(s: unknown): unknown {
  if (typeof s !== 'string' && typeof s !== 'number') return s;
  const q = parseQuantity(s);
  return q ? quantityString(roundUpMilli(q)) : s;
}

/**
 * How Go's `%#v` prints a resource.Quantity value (it has no value-receiver
 * String()), which is what some field errors show.
 */
export function goQuantity(q: Quantity): string {
  const i = q.goInt ?? { value: 0n, scale: 0, cached: '' };
  return `resource.Quantity{i:resource.int64Amount{value:${i.value}, scale:${i.scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(i.cached)}, Format:${JSON.stringify(q.format)}}`;
}
