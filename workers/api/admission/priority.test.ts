import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../object';
import { priority } from './priority';
import { fakeContext, newPod, podRequest } from './testing';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
});
const spec = (p: KubeObject) => p.spec as Record<string, unknown>;

describe('Priority admission', () => {
  it('gives 0 / PreemptLowerPriority when no class is named and none is default', () => {
    const pod = newPod('p');
    expect(priority.mutate!(podRequest(pod, [pc('high', 1000)]))).toEqual({ ok: true });
    expect(spec(pod).priority).toBe(0);
    expect(spec(pod).preemptionPolicy).toBe('PreemptLowerPriority');
    expect(spec(pod).priorityClassName).toBeUndefined();
  });

  it('uses the global default class (the lowest if several)', () => {
    const pod = newPod('p');
    priority.mutate!(podRequest(pod, [pc('b', 500, { globalDefault: true }), pc('a', 100, { globalDefault: true, preemptionPolicy: 'Never' })]));
    expect(spec(pod)).toMatchObject({ priorityClassName: 'a', priority: 100, preemptionPolicy: 'Never' });
  });

  it('resolves a named class', () => {
    const pod = newPod('p');
    spec(pod).priorityClassName = 'high';
    priority.mutate!(podRequest(pod, [pc('high', 1000000, { preemptionPolicy: 'PreemptLowerPriority' })]));
    expect(spec(pod)).toMatchObject({ priority: 1000000, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('knows the bootstrap system classes', () => {
    const pod = newPod('p');
    spec(pod).priorityClassName = 'system-node-critical';
    expect(priority.mutate!(podRequest(pod, []))).toEqual({ ok: true });
    expect(spec(pod).priority).toBe(2000001000);
  });

  it('refuses an unknown class', () => {
    const pod = newPod('p');
    spec(pod).priorityClassName = 'nope';
    const r = priority.mutate!(podRequest(pod, []));
    expect(!r.ok && r.status.message).toBe('pods "p" is forbidden: no PriorityClass with name nope was found');
  });

  it('refuses a priority that disagrees with the class', () => {
    const pod = newPod('p');
    spec(pod).priorityClassName = 'high';
    spec(pod).priority = 5;
    const r = priority.mutate!(podRequest(pod, [pc('high', 1000)]));
    expect(!r.ok && r.status.message).toBe(
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
  });

  it('carries priority over on update', () => {
    const old = newPod('p');
    spec(old).priority = 7;
    spec(old).preemptionPolicy = 'Never';
    const pod = newPod('p');
    priority.mutate!(podRequest(pod, [], { operation: 'UPDATE', oldObject: old }));
    expect(spec(pod)).toMatchObject({ priority: 7, preemptionPolicy: 'Never' });
  });

  it('allows only one globalDefault PriorityClass', () => {
    const existing = pc('default-pc', 10, { globalDefault: true });
    const req = (obj: KubeObject, operation: 'CREATE' | 'UPDATE') => ({
      operation,
      group: 'scheduling.k8s.io',
      version: 'v1',
      kind: 'PriorityClass',
      resource: 'priorityclasses',
      name: obj.metadata.name ?? '',
      object: obj,
      dryRun: false,
      ctx: fakeContext([existing]),
      rng: { nameSuffix: () => 'x' },
    });
    const r = priority.validate!(req(pc('another', 20, { globalDefault: true }), 'CREATE'));
    expect(!r.ok && r.status.message).toBe(
      'priorityclasses.scheduling.k8s.io "another" is forbidden: PriorityClass default-pc is already marked as default. Only one default can exist',
    );
    expect(priority.validate!(req(pc('default-pc', 11, { globalDefault: true }), 'UPDATE'))).toEqual({ ok: true });
    expect(priority.validate!(req(pc('plain', 20), 'CREATE'))).toEqual({ ok: true });
  });
});
