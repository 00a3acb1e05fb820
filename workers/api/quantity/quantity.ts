/**
 * resource.Quantity as staging/src/k8s.io/apimachinery/pkg/api/resource
 * (quantity.go, amount.go, suffix.go) defines it: same parsing quirks, same
 * rounding (up to nano units, away from zero), same canonical `String()`.
 *
 * Every quantity upstream can hold is an exact multiple of 10^-9, so the
 * value is kept as a BigInt count of nano units: sums never drift.
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const NANO = 1_000_000_000n;
const INT64_MAX = (1n << 63n) - 1n;
/** resource.MaxMilliValue: the largest value whose milli form fits an int64. */
export const MAX_MILLI_VALUE = INT64_MAX / 1000n;

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/** Integer division rounding away from zero (upstream's "round up"). */
function divAway(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d === 0n ? q : n < 0n ? q - 1n : q + 1n;
}

const DEC_SUFFIX_BY_EXP = new Map<number, string>([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);
const DEC_EXP_BY_SUFFIX = new Map<string, number>([...DEC_SUFFIX_BY_EXP].map(([e, s]) => [s, e]));
const BIN_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const BIN_EXP_BY_SUFFIX = new Map<string, number>(BIN_SUFFIXES.slice(1).map((s, i) => [s, (i + 1) * 10]));

export class Quantity {
  /** Exact value × 10^9. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** The input text, kept when upstream would keep it (already canonical). */
  private readonly text: string | undefined;

  constructor(nanos: bigint, format: QuantityFormat, text?: string) {
    this.nanos = nanos;
    this.format = format;
    this.text = text;
  }

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, format);
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.nanos === 0n ? 0 : this.nanos < 0n ? -1 : 1;
  }

  cmp(y: Quantity): -1 | 0 | 1 {
    return this.nanos === y.nanos ? 0 : this.nanos < y.nanos ? -1 : 1;
  }

  equal(y: Quantity): boolean {
    return this.nanos === y.nanos;
  }

  /** Mirrors Quantity.Add: a zero receiver takes the argument's format. */
  add(y: Quantity): Quantity {
    return new Quantity(this.nanos + y.nanos, this.nanos === 0n ? y.format : this.format);
  }

  sub(y: Quantity): Quantity {
    return new Quantity(this.nanos - y.nanos, this.nanos === 0n ? y.format : this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** ceil(q / 10^scale) away from zero, as Quantity.ScaledValue. */
  scaledValueBig(scale: number): bigint {
    const s = scale + 9;
    return s >= 0 ? divAway(this.nanos, pow10(s)) : this.nanos * pow10(-s);
  }

  /** Value(): the unscaled value rounded up (away from zero). */
  valueBig(): bigint {
    return this.scaledValueBig(0);
  }

  milliValueBig(): bigint {
    return this.scaledValueBig(-3);
  }

  value(): number {
    return Number(this.valueBig());
  }

  milliValue(): number {
    return Number(this.milliValueBig());
  }

  /** Best-effort float (AsApproximateFloat64), for display and ratios only. */
  asApproximateFloat64(): number {
    return Number(this.nanos) / 1e9;
  }

  toString(): string {
    return this.text ?? canonicalize(this);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** CanonicalizeBytes: the number and suffix String() prints. */
function canonicalize(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Mirrors quantity.go: small or fractional binary values print as DecimalSI.
    if (q.nanos > -1024n * NANO && q.nanos < 1024n * NANO) format = 'DecimalSI';
    else if (q.nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nanos / NANO;
    let exp = 0;
    const negative = amount < 0n;
    if (negative) amount = -amount;
    while (amount >= 1024n && amount % 1024n === 0n) {
      amount /= 1024n;
      exp++;
    }
    if (negative) amount = -amount;
    // Upstream has no suffix beyond Ei and then prints none at all.
    return `${amount}${BIN_SUFFIXES[exp] ?? ''}`;
  }
  let amount = q.nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${DEC_SUFFIX_BY_EXP.get(exponent) ?? ''}`;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

interface Scanned {
  positive: boolean;
  /** sign, digits and point as written, up to the suffix */
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const SUFFIX_CHARS = 'eEinumkKMGTP';

/** parseQuantityString: a permissive scanner; the suffix is checked later. */
function scan(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';

  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);

  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_CHARS.includes(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (i = pos; i < end; i++) if (!isDigit(str[i])) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const dec = DEC_EXP_BY_SUFFIX.get(s);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BIN_EXP_BY_SUFFIX.get(s);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    const rest = s.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const n = Number(rest);
    if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 31) return undefined;
    return { base: 10, exponent: n, format: 'DecimalExponent' };
  }
  return undefined;
}

/** ParseQuantity. */
export function parseQuantity(str: string): QuantityResult {
  if (str.length === 0) return { ok: false, error: ERR_FORMAT_WRONG };
  if (str === '0') return { ok: true, quantity: new Quantity(0n, 'DecimalSI', '0') };
  const sc = scan(str);
  if (!sc) return { ok: false, error: ERR_FORMAT_WRONG };
  const suf = interpretSuffix(sc.suffix);
  if (!suf) return { ok: false, error: ERR_SUFFIX };
  let { format } = suf;
  const { base, exponent } = suf;
  const shifted = sc.num + sc.denom;
  const digits = BigInt(shifted);

  // The int64 fast path of ParseQuantity: exact, and it may keep the input text.
  let precision = -1;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = exponent;
    precision = 18 - shifted.length;
  } else if (exponent >= 0 && sc.denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - sc.num.length - Math.trunc((exponent * 3) / 10) - 1;
  }
  if (precision >= 0) {
    scale -= sc.denom.length;
    if (scale >= -9) {
      const product = digits * mantissa;
      if (product <= INT64_MAX) {
        const result = sc.positive ? product : -product;
        const nanos = result * pow10(scale + 9);
        let keep = false;
        if (format === 'BinarySI') keep = exponent % 10 === 0 && (digits & 7n) !== 0n;
        else keep = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return { ok: true, quantity: new Quantity(nanos, format, keep ? str : undefined) };
      }
    }
  }

  // The inf.Dec path: exact value, rounded up to nano units.
  if (!/^[+-]?[0-9]*\.?[0-9]*$/.test(sc.value) || !/[0-9]/.test(sc.value)) return { ok: false, error: ERR_NUMERIC };
  let num: bigint;
  let den: bigint;
  if (base === 10) {
    const e = exponent - sc.denom.length + 9;
    // Guard the worker against absurd exponents (1e999999999) that upstream's
    // arbitrary-precision decimal would grind through.
    if (e > 4096) return { ok: false, error: ERR_NUMERIC };
    if (e < -4096) {
      const tiny = digits === 0n ? 0n : 1n;
      return { ok: true, quantity: new Quantity(sc.positive ? tiny : -tiny, format) };
    }
    num = e >= 0 ? digits * pow10(e) : digits;
    den = e >= 0 ? 1n : pow10(-e);
  } else {
    num = digits * (1n << BigInt(exponent)) * NANO;
    den = pow10(sc.denom.length);
  }
  let nanos = divAway(num, den);
  if (format === 'BinarySI' && nanos > INT64_MAX * NANO) nanos = INT64_MAX * NANO;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  return { ok: true, quantity: new Quantity(sc.positive ? nanos : -nanos, format) };
}

/** For fixtures and constants the code itself writes; user input goes through parseQuantity. */
export function mustParseQuantity(str: string): Quantity {
  const r = parseQuantity(str);
  if (!r.ok) throw new Error(`cannot parse '${str}': ${r.error}`);
  return r.quantity;
}

/**
 * A quantity as it arrives in JSON: a string, or a bare number (YAML `cpu: 1`),
 * which upstream's UnmarshalJSON parses from its text.
 */
export function quantityFromJSON(v: unknown): QuantityResult {
  if (typeof v === 'string') return parseQuantity(v.trim());
  if (typeof v === 'number' && Number.isFinite(v)) return parseQuantity(String(v));
  return { ok: false, error: ERR_FORMAT_WRONG };
}

/** The stored form of a quantity value (what the API server writes back), or undefined if invalid. */
export function canonicalQuantity(v: unknown): string | undefined {
  const r = quantityFromJSON(v);
  return r.ok ? r.quantity.toString() : undefined;
}

/** resource.NewQuantity(value, format). */
export function newQuantity(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return new Quantity(BigInt(value) * NANO, format);
}

/** resource.NewMilliQuantity(value, format). */
export function newMilliQuantity(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return new Quantity(BigInt(value) * 1_000_000n, format);
}

/** Absolute value helper used by quota and printers. */
export function quantityAbs(q: Quantity): Quantity {
  return new Quantity(abs(q.nanos), q.format);
}
