import { describe, it, expect } from 'vitest';
import { podRequests, DEFAULT_MEMORY_REQUEST } from './resources';
import { podObject } from './testing/fixtures';
import type { Pod } from 'kubernetes-types/core/v1';

const req = (cpu: string, memory?: string) => ({ resources: { requests: { cpu, ...(memory ? { memory } : {}) } } });

describe('podRequests', () => {
  it('sums containers and adds overhead', () => {
    const p = podObject({ containers: [{ name: 'a', ...req('100m', '64Mi') }, { name: 'b', ...req('250m') }], overhead: { cpu: '50m' } }) as Pod;
    const r = podRequests(p);
    expect(r.milliCPU).toBe(400);
    expect(r.memory).toBe(64 * 1024 * 1024);
  });

  it('takes the larger of the containers and the biggest init container', () => {
    const p = podObject({ containers: [{ name: 'a', ...req('1') }], initContainers: [{ name: 'i1', ...req('2') }, { name: 'i2', ...req('500m') }] }) as Pod;
    expect(podRequests(p).milliCPU).toBe(2000);
  });

  it('adds sidecars to the containers and to later init containers', () => {
    const p = podObject({
      containers: [{ name: 'a', ...req('1') }],
      initContainers: [
        { name: 'side', restartPolicy: 'Always', ...req('500m') },
        { name: 'init', ...req('1200m') },
      ],
    }) as Pod;
    // containers 1 + sidecar 0.5 = 1.5; init 1.2 + sidecar 0.5 = 1.7 → 1.7
    expect(podRequests(p).milliCPU).toBe(1700);
  });

  it('non-zero requests fill in only missing cpu and memory', () => {
    const p = podObject({ containers: [{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '0' } } }] }) as Pod;
    const r = podRequests(p, true);
    expect(r.milliCPU).toBe(100);
    expect(r.memory).toBe(2 * DEFAULT_MEMORY_REQUEST);
    expect(podRequests(p).milliCPU).toBe(0);
  });

  it('ignores unparsable quantities and tolerates a pod without spec', () => {
    expect(podRequests({ spec: { containers: [{ name: 'a', resources: { requests: { cpu: 'lots' } } }] } } as Pod).milliCPU).toBe(0);
    expect(podRequests({} as Pod).milliCPU).toBe(0);
  });
});
