import { describe, expect, it } from 'vitest';
import { piDigits } from './pi';
import { harness } from '../../testing';

const PI_50 = '3.1415926535897932384626433832795028841971693993751';

/** Gibbons' unbounded spigot: an independent way to get the digits. */
function spigot(count: number): string {
  let q = 1n, r = 0n, t = 1n, k = 1n, n = 3n, l = 3n;
  let out = '';
  while (out.length < count) {
    if (4n * q + r - t < n * t) {
      out += n.toString();
      const nr = 10n * (r - n * t);
      n = (10n * (3n * q + r)) / t - 10n * n;
      q *= 10n;
      r = nr;
    } else {
      const nr = (2n * q + r) * l;
      const nn = (q * (7n * k + 2n) + r * l) / (t * l);
      q *= k;
      t *= l;
      l += 2n;
      k += 1n;
      n = nn;
      r = nr;
    }
  }
  return out;
}

describe('pi', () => {
  it('computes correct digits', () => {
    expect(piDigits(50)).toBe(PI_50);
    expect(piDigits(52)).toBe('3.141592653589793238462643383279502884197169399375106');
    // The 51st significant digit rounds up: ...937510|58... → ...937511.
    expect(piDigits(51)).toBe('3.14159265358979323846264338327950288419716939937511');
    expect(piDigits(5)).toBe('3.1416');
    expect(piDigits(1)).toBe('3');
    expect(() => piDigits(0)).toThrow(RangeError);
  });

  it('the pi Job prints 2000 digits after a realistic delay', () => {
    const h = harness();
    const p = h.run('perl:5.34.0', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
    h.clock.runFor(1000);
    expect(p.logs).toEqual([]);
    expect(p.cpuMillis()).toBeGreaterThan(800);
    h.waitExit(p);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
    const out = p.logs.map((l) => l.text).join('');
    expect(out.replace('.', '')).toHaveLength(2000);
    expect(out.startsWith(PI_50)).toBe(true);
    const reference = spigot(2001);
    const rounded = (BigInt(reference.slice(0, 2000)) + (Number(reference[2000]) >= 5 ? 1n : 0n)).toString();
    expect(out.replace('.', '')).toBe(rounded);
  });
});
