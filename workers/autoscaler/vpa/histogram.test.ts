import { describe, it, expect } from 'vitest';
import { CPU_HISTOGRAM_OPTIONS, DecayingHistogram, ExponentialHistogramOptions, Histogram, MEMORY_HISTOGRAM_OPTIONS } from './histogram';

const DAY = 24 * 3_600_000;

describe('exponential histogram options', () => {
  it('lays buckets out as upstream does (first 0.01 cores, 5% growth, up to 1000 cores)', () => {
    const o = CPU_HISTOGRAM_OPTIONS;
    // ceil(log_1.05(1000·0.05/0.01 + 1)) + 1
    expect(o.numBuckets).toBe(Math.ceil(Math.log(5001) / Math.log(1.05)) + 1);
    expect(o.bucketStart(0)).toBe(0);
    expect(o.bucketStart(1)).toBeCloseTo(0.01, 10);
    expect(o.bucketStart(2)).toBeCloseTo(0.01 + 0.0105, 10);
    expect(o.findBucket(0.005)).toBe(0);
    expect(o.findBucket(0.01)).toBe(1);
    expect(o.findBucket(1e9)).toBe(o.numBuckets - 1);
    for (const v of [0.02, 0.5, 3.7, 250]) {
      const b = o.findBucket(v);
      expect(o.bucketStart(b)).toBeLessThanOrEqual(v + 1e-12);
      expect(o.bucketStart(b + 1)).toBeGreaterThan(v);
    }
  });

  it('refuses bad options and out-of-range buckets', () => {
    expect(() => new ExponentialHistogramOptions(0, 1, 1.05, 1)).toThrow(/must be > 0.0/);
    expect(() => new ExponentialHistogramOptions(10, 1, 1, 1)).toThrow(/ratio must be > 1.0/);
    expect(() => MEMORY_HISTOGRAM_OPTIONS.bucketStart(-1)).toThrow(/out of range/);
  });
});

describe('histogram', () => {
  it('answers the end of the bucket where the percentile is reached', () => {
    const h = new Histogram(CPU_HISTOGRAM_OPTIONS);
    expect(h.isEmpty()).toBe(true);
    expect(h.percentile(0.9)).toBe(0);
    for (let i = 1; i <= 10; i++) h.addSample(i * 0.1, 1, 0);
    const o = CPU_HISTOGRAM_OPTIONS;
    expect(h.percentile(0.5)).toBeCloseTo(o.bucketStart(o.findBucket(0.5) + 1), 10);
    expect(h.percentile(0.9)).toBeCloseTo(o.bucketStart(o.findBucket(0.9) + 1), 10);
    expect(h.percentile(1)).toBeCloseTo(o.bucketStart(o.findBucket(1.0) + 1), 10);
    expect(h.percentile(0.9)).toBeGreaterThan(0.9);
  });

  it('weights samples and forgets subtracted ones', () => {
    const h = new Histogram(CPU_HISTOGRAM_OPTIONS);
    h.addSample(0.1, 9, 0);
    h.addSample(2, 1, 0);
    expect(h.percentile(0.5)).toBeLessThan(0.2);
    expect(h.percentile(0.95)).toBeGreaterThan(2);
    h.subtractSample(2, 1, 0);
    expect(h.percentile(0.95)).toBeLessThan(0.2);
    h.subtractSample(0.1, 9, 0);
    expect(h.isEmpty()).toBe(true);
    expect(() => h.addSample(1, -1, 0)).toThrow(/non-negative/);
  });
});

describe('decaying histogram', () => {
  it('weighs a sample one half-life newer twice as much', () => {
    const h = new DecayingHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    h.addSample(0.1, 1, 0);
    h.addSample(1, 1, DAY);
    // Weights 1 and 2: the median is the newer, bigger value.
    expect(h.totalWeight).toBeCloseTo(3, 10);
    expect(h.percentile(0.5)).toBeGreaterThan(1);
    expect(h.percentile(0.3)).toBeLessThan(0.2);
  });

  it('rescales instead of overflowing when time runs far past its reference', () => {
    const h = new DecayingHistogram(CPU_HISTOGRAM_OPTIONS, 60_000);
    h.addSample(0.5, 1, 0);
    h.addSample(0.5, 1, 200 * 60_000);
    expect(Number.isFinite(h.totalWeight)).toBe(true);
    expect(h.percentile(0.5)).toBeGreaterThan(0.5);
  });
});

describe('checkpoints', () => {
  it('scales bucket weights so the largest is 10000 and keeps the reference time', () => {
    const h = new DecayingHistogram(CPU_HISTOGRAM_OPTIONS, DAY);
    h.addSample(0.1, 1, 0);
    h.addSample(1, 3, 0);
    const cp = h.checkpoint();
    const o = CPU_HISTOGRAM_OPTIONS;
    expect(cp.bucketWeights).toEqual({ [String(o.findBucket(0.1))]: 3333, [String(o.findBucket(1))]: 10000 });
    expect(cp.totalWeight).toBe(4);
    expect(cp.referenceTimestamp).toBe(0);
    expect(new Histogram(o).checkpoint()).toEqual({ bucketWeights: {}, totalWeight: 0 });
  });
});
