import { describe, it, expect } from 'vitest';
import { AggregateContainerState, ContainerState, MEMORY_AGGREGATION_INTERVAL_MS } from './aggregateState';
import { confidence, DEFAULT_RECOMMENDATION_CONFIG, estimatePod } from './estimator';
import { CPU_HISTOGRAM_OPTIONS, MEMORY_HISTOGRAM_OPTIONS } from './histogram';
import { amountsToResources, cpuQuantity, memoryQuantity } from './quantities';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const MiB = 1024 * 1024;
const bucketEnd = (o: typeof CPU_HISTOGRAM_OPTIONS, v: number) => o.bucketStart(o.findBucket(v) + 1);

/** One sample a minute for `minutes`, from `start`. */
function feed(s: AggregateContainerState, cores: number, bytes: number, minutes: number, start = MIN): ContainerState {
  const c = new ContainerState(s, 0.1);
  for (let i = 0; i < minutes; i++) {
    c.addCpuSample(start + i * MIN, cores);
    c.addMemorySample(start + i * MIN, bytes);
  }
  return c;
}

describe('recommendation math', () => {
  it('targets the 90th percentile plus a 15% margin, in millicores and bytes', () => {
    const s = new AggregateContainerState();
    feed(s, 0.5, 600 * MiB, DAY / MIN);
    const e = estimatePod(new Map([['app', s]])).get('app')!;
    expect(e.target.cpu).toBe(Math.trunc(bucketEnd(CPU_HISTOGRAM_OPTIONS, 0.5) * 1000 * 1.15));
    expect(e.target.memory).toBe(Math.trunc(bucketEnd(MEMORY_HISTOGRAM_OPTIONS, 600 * MiB)) + Math.trunc(Math.trunc(bucketEnd(MEMORY_HISTOGRAM_OPTIONS, 600 * MiB)) * 0.15));
    // A day of steady history: confidence 1 day, upper ×2, lower ×(1.001)^-2.
    expect(confidence(s, DAY)).toBeCloseTo(1, 2);
    expect(e.upperBound.cpu).toBeGreaterThan(1.9 * e.target.cpu);
    expect(e.lowerBound.cpu).toBeLessThanOrEqual(e.target.cpu);
    expect(e.lowerBound.cpu).toBeGreaterThan(0.99 * e.target.cpu);
  });

  it('narrows the bounds as history grows', () => {
    const short = new AggregateContainerState();
    feed(short, 0.5, 600 * MiB, 5);
    const long = new AggregateContainerState();
    feed(long, 0.5, 600 * MiB, 120);
    const a = estimatePod(new Map([['c', short]])).get('c')!;
    const b = estimatePod(new Map([['c', long]])).get('c')!;
    expect(a.target.cpu).toBe(b.target.cpu);
    expect(a.lowerBound.cpu).toBeLessThan(b.lowerBound.cpu);
    expect(a.upperBound.cpu).toBeGreaterThan(b.upperBound.cpu);
  });

  it('gives at least 25m cpu and 250Mi memory per pod, split over its containers', () => {
    const a = new AggregateContainerState();
    feed(a, 0.001, MiB, 10);
    const b = new AggregateContainerState();
    feed(b, 0.001, MiB, 10);
    const one = estimatePod(new Map([['a', a]])).get('a')!;
    expect(one.target).toEqual({ cpu: 25, memory: 250 * MiB });
    expect(amountsToResources(one.target)).toEqual({ cpu: '25m', memory: '262144k' });
    const two = estimatePod(new Map([['a', a], ['b', b]]));
    expect(two.get('a')!.target).toEqual({ cpu: 12, memory: 125 * MiB });
    expect(estimatePod(new Map()).size).toBe(0);
  });

  it('without history the upper bound is unbounded and the lower bound the minimum', () => {
    const s = new AggregateContainerState();
    feed(s, 2, 2000 * MiB, 1);
    const e = estimatePod(new Map([['c', s]]), DEFAULT_RECOMMENDATION_CONFIG).get('c')!;
    expect(e.upperBound.cpu).toBe(1e14);
    expect(e.lowerBound).toEqual({ cpu: 25, memory: 250 * MiB });
  });
});

describe('memory peaks', () => {
  it('keeps one peak per aggregation window, replaced when a bigger sample comes', () => {
    const s = new AggregateContainerState();
    const c = new ContainerState(s, 0.1);
    c.addMemorySample(MIN, 100 * MiB);
    c.addMemorySample(2 * MIN, 300 * MiB);
    c.addMemorySample(3 * MIN, 200 * MiB);
    // One window: only the 300Mi peak counts.
    expect(s.memoryPeaks.percentile(0.01)).toBeGreaterThan(300 * MiB);
    c.addMemorySample(MIN + MEMORY_AGGREGATION_INTERVAL_MS + MIN, 50 * MiB);
    // A second window adds its own peak.
    expect(s.memoryPeaks.percentile(0.01)).toBeLessThan(60 * MiB);
    expect(c.addMemorySample(MIN, 10 * MiB)).toBe(false);
  });

  it('drops out-of-order and negative cpu samples', () => {
    const s = new AggregateContainerState();
    const c = new ContainerState(s, 0.5);
    expect(c.addCpuSample(2 * MIN, 0.2)).toBe(true);
    expect(c.addCpuSample(2 * MIN, 0.2)).toBe(false);
    expect(c.addCpuSample(MIN, 0.2)).toBe(false);
    expect(c.addCpuSample(3 * MIN, -1)).toBe(false);
    expect(s.totalSamplesCount).toBe(1);
    // The sample weighed the request (0.5 cores), not the 0.1 floor.
    expect(s.cpu.totalWeight).toBeGreaterThan(0.4);
  });
});

describe('quantities', () => {
  it('prints as the VPA does (DecimalSI)', () => {
    expect(cpuQuantity(1238)).toBe('1238m');
    expect(cpuQuantity(1000)).toBe('1');
    expect(memoryQuantity(262144000)).toBe('262144k');
    expect(memoryQuantity(387863636)).toBe('387863636');
    expect(amountsToResources({ cpu: 30, memory: 1e9 }, ['cpu'])).toEqual({ cpu: '30m' });
  });
});
