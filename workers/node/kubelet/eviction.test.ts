import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { EvictionManager, evictionMessage, isCriticalPod, rankForMemory, PRESSURE_TRANSITION_MS, type EvictionCandidate } from './eviction';

const Mi = 1024 * 1024;

function candidate(name: string, usageMi: number, opts: { requestMi?: number; priority?: number; isStatic?: boolean; qos?: string } = {}): EvictionCandidate & { evicted: string[] } {
  const evicted: string[] = [];
  const pod: Pod = {
    metadata: { name, namespace: 'default' },
    spec: {
      containers: [{ name: 'app', image: 'nginx', ...(opts.requestMi !== undefined ? { resources: { requests: { memory: `${opts.requestMi}Mi` } } } : {}) }],
      ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
    },
    status: { qosClass: opts.qos ?? 'BestEffort' },
  };
  return {
    pod,
    containers: [{ name: 'app', memoryBytes: usageMi * Mi }],
    isStatic: opts.isStatic ?? false,
    evicted,
    evict(message) {
      evicted.push(message);
      return true;
    },
  };
}

describe('rankForMemory', () => {
  it('puts pods over their request first, then lower priority, then larger use above request', () => {
    const within = candidate('within', 50, { requestMi: 100 });
    const big = candidate('big', 300);
    const small = candidate('small', 10);
    const important = candidate('important', 500, { priority: 1000 });
    expect(rankForMemory([within, small, important, big]).map((c) => c.pod.metadata!.name)).toEqual(['big', 'small', 'important', 'within']);
  });
});

describe('evictionMessage', () => {
  it('names the threshold, the observation in Ki, and containers over their request', () => {
    expect(evictionMessage(candidate('a', 3), 50 * Mi + 4096 + 123)).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 51204Ki. Container app was using 3Mi, request is 0, has larger consumption of memory. ',
    );
    expect(evictionMessage(candidate('b', 3, { requestMi: 64 }), 10 * Mi)).toBe('The node was low on resource: memory. Threshold quantity: 100Mi, available: 10Mi. ');
  });
});

describe('EvictionManager', () => {
  function setup(pods: ReturnType<typeof candidate>[], otherMi = 0) {
    let now = 0;
    const other = { mi: otherMi };
    const m = new EvictionManager({ now: () => now, capacityBytes: 1024 * Mi, otherBytes: () => other.mi * Mi, candidates: () => pods });
    return { m, other, advance: (ms: number) => (now += ms) };
  }

  it('does nothing while memory.available stays above 100Mi', () => {
    const a = candidate('a', 100);
    const { m } = setup([a], 500);
    expect(m.synchronize()).toEqual({ availableBytes: 424 * Mi, thresholdMet: false });
    expect(m.memoryPressure).toBe(false);
    expect(a.evicted).toEqual([]);
  });

  it('evicts one pod per pass, never a critical one, and keeps the pressure for the transition period', () => {
    const kubeProxy = candidate('kube-proxy', 20, { priority: 2000001000 });
    const staticPod = candidate('etcd', 30, { isStatic: true });
    const web = candidate('web', 5);
    const db = candidate('db', 4);
    const { m, other, advance } = setup([kubeProxy, staticPod, web, db], 0);
    other.mi = 1024 - 59 - 60;
    const pass = m.synchronize();
    expect(pass.thresholdMet).toBe(true);
    expect(pass.evicted?.pod.metadata?.name).toBe('web');
    expect(db.evicted).toEqual([]);
    expect(kubeProxy.evicted).toEqual([]);
    expect(staticPod.evicted).toEqual([]);
    expect(m.memoryPressure).toBe(true);
    other.mi = 0;
    advance(10_000);
    expect(m.synchronize().thresholdMet).toBe(false);
    expect(m.memoryPressure).toBe(true);
    advance(PRESSURE_TRANSITION_MS);
    expect(m.memoryPressure).toBe(false);
  });

  it('refuses BestEffort pods under memory pressure unless they tolerate it', () => {
    const { m, other } = setup([candidate('a', 10)]);
    const pod = (qos: string, tolerations?: Pod['spec'] extends infer S ? (S extends { tolerations?: infer T } ? T : never) : never): Pod => ({
      metadata: { name: 'new' },
      spec: { containers: [], ...(tolerations ? { tolerations } : {}) },
      status: { qosClass: qos },
    });
    expect(m.admit(pod('BestEffort'))).toEqual({ admit: true });
    other.mi = 1000;
    m.synchronize();
    expect(m.admit(pod('BestEffort'))).toEqual({ admit: false, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' });
    expect(m.admit(pod('Burstable'))).toEqual({ admit: true });
    expect(m.admit(pod('BestEffort', [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' }]))).toEqual({ admit: true });
  });

  it('treats mirror pods and system-critical priority as critical', () => {
    expect(isCriticalPod({ pod: { metadata: { annotations: { 'kubernetes.io/config.mirror': 'x' } } }, isStatic: false })).toBe(true);
    expect(isCriticalPod({ pod: { spec: { containers: [], priority: 2000000000 } }, isStatic: false })).toBe(true);
    expect(isCriticalPod({ pod: { spec: { containers: [], priority: 1999999999 } }, isStatic: false })).toBe(false);
  });
});
