import { describe, it, expect } from 'vitest';
import { clipToWindow, linear, niceTicks, stepPath, timeTicks, timeWindow } from './chartModel';

describe('scales and ticks', () => {
  it('maps a domain onto a range, inverted for y', () => {
    const y = linear(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(5)).toBe(50);
    expect(linear(3, 3, 0, 10)(99)).toBe(5);
  });
  it('picks round ticks that cover the maximum', () => {
    expect(niceTicks(10, 5, true)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(7, 4, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(305, 4)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 4, true)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(2, 4, true)).toEqual([0, 1, 2]);
  });
});

describe('step paths', () => {
  const x = linear(0, 100, 0, 200);
  const y = linear(0, 10, 100, 0);
  it('holds each value until the next point and the last one until the end', () => {
    expect(stepPath([{ t: 0, v: 1 }, { t: 50, v: 4 }], x, y, 100)).toBe('M0 90 H100 V60 H200');
  });
  it('breaks the line where a value is missing', () => {
    expect(stepPath([{ t: 0, v: 1 }, { t: 25 }, { t: 50, v: 2 }], x, y, 100)).toBe('M0 90 H50 M100 80 H200');
  });
  it('draws nothing for no values', () => {
    expect(stepPath([], x, y, 100)).toBe('');
    expect(stepPath([{ t: 0 }], x, y, 100)).toBe('');
  });
});

describe('time window', () => {
  it('labels ticks back from now', () => {
    expect(timeTicks(0, 120_000, 4).map((t) => t.label)).toEqual(['-2m', '-1m30s', '-1m', '-30s', 'now']);
    expect(timeTicks(5, 5)).toEqual([{ t: 5, label: 'now' }]);
  });
  it('spans from the first sample to now, at most the window', () => {
    expect(timeWindow([1000, 5000], 10_000)).toEqual({ t0: 1000, t1: 10_000 });
    expect(timeWindow([0, 5000], 1_000_000, 60_000)).toEqual({ t0: 940_000, t1: 1_000_000 });
    expect(timeWindow([], 60_000)).toEqual({ t0: 0, t1: 60_000 });
  });
  it('starts the value that holds at the window start there', () => {
    const pts = [{ t: 0, v: 1 }, { t: 10, v: 2 }, { t: 30, v: 3 }];
    expect(clipToWindow(pts, 20)).toEqual([{ t: 20, v: 2 }, { t: 30, v: 3 }]);
    expect(clipToWindow(pts, 0)).toEqual(pts);
    expect(clipToWindow([], 5)).toEqual([]);
  });
});
