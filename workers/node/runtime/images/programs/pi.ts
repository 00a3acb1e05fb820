/**
 * Digits of pi for the pi Job (`perl -Mbignum=bpi -wle 'print bpi(2000)'`):
 * Machin's formula in BigInt fixed point, rounded to the requested number of
 * significant digits as Math::BigFloat does.
 */

function arctanInv(x: bigint, scale: bigint): bigint {
  // arctan(1/x) = sum (-1)^k / ((2k+1) x^(2k+1))
  let term = scale / x;
  const x2 = x * x;
  let sum = term;
  let k = 1n;
  let sign = -1n;
  while (term !== 0n) {
    term /= x2;
    sum += (sign * term) / (2n * k + 1n);
    sign = -sign;
    k++;
  }
  return sum;
}

/** pi to `digits` significant digits, as text (`3.14159…`). */
export function piDigits(digits: number): string {
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError('digits must be a positive integer');
  const guard = 10;
  const scale = 10n ** BigInt(digits + guard);
  const pi = 4n * (4n * arctanInv(5n, scale) - arctanInv(239n, scale));
  // pi * 10^(digits+guard): keep `digits` significant digits, rounding half up on the guard digits.
  const cut = 10n ** BigInt(guard + 1);
  let kept = pi / cut;
  if ((pi % cut) * 2n >= cut) kept += 1n;
  const s = kept.toString();
  return digits === 1 ? s : `${s[0]}.${s.slice(1)}`;
}
