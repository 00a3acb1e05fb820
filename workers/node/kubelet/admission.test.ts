import { describe, it, expect } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { admitPod } from './admission';
import { podRequests } from './resources';

const spec = (cpu?: string, memory?: string): PodSpec => ({ containers: [{ name: 'c', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } }] });
const node = { cpu: 4000, memory: 8 * 1024 ** 3, pods: 3 };

describe('admitPod', () => {
  it('admits what fits and names the first resource that does not', () => {
    expect(admitPod(spec('1'), [spec('2')], node)).toEqual({ admit: true });
    expect(admitPod(spec('3'), [spec('1500m')], node)).toEqual({
      admit: false,
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 3000, used: 1500, capacity: 4000",
    });
    expect(admitPod(spec(undefined, '9Gi'), [], node)).toMatchObject({ reason: 'OutOfmemory', message: "Node didn't have enough resource: memory, requested: 9663676416, used: 0, capacity: 8589934592" });
    expect(admitPod(spec(), [spec(), spec(), spec()], node)).toMatchObject({ reason: 'OutOfpods', message: "Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3" });
  });
  it('counts sidecars with the main containers and init containers as a maximum', () => {
    const s: PodSpec = {
      initContainers: [
        { name: 'init', resources: { requests: { cpu: '2' } } },
        { name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } },
      ],
      containers: [{ name: 'main', resources: { requests: { cpu: '1' } } }],
    };
    expect(podRequests(s).cpu).toBe(2000);
    s.initContainers![0].resources = { requests: { cpu: '100m' } };
    expect(podRequests(s).cpu).toBe(1500);
  });
});

describe('admitPod with a lazy list of admitted pods', () => {
  function lazyList(specs: PodSpec[]) {
    const seen = { iterated: 0 };
    return { seen, list: { length: specs.length, *[Symbol.iterator]() { seen.iterated++; yield* specs; } } };
  }

  it('counts pods without listing them when the pod requests nothing', () => {
    const { seen, list } = lazyList([spec('1'), spec('1')]);
    expect(admitPod(spec(), list, node)).toEqual({ admit: true });
    expect(seen.iterated).toBe(0);
    const full = lazyList([spec(), spec(), spec()]);
    expect(admitPod(spec(), full.list, node)).toMatchObject({ reason: 'OutOfpods' });
    expect(full.seen.iterated).toBe(0);
  });

  it('lists them once to add up requests', () => {
    const { seen, list } = lazyList([spec('1500m', '1Gi'), spec('1')]);
    expect(admitPod(spec('2'), list, node)).toMatchObject({ reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 2000, used: 2500, capacity: 4000" });
    expect(seen.iterated).toBe(1);
  });
});
