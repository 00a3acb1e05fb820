import { describe, expect, it } from 'vitest';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from './expectations';
import { podsToDelete } from './podRanking';
import { podNamePrefix } from './podFromTemplate';
import { slowStartBatch } from './slowStart';
import type { Pod } from './types';

describe('slowStartBatch', () => {
  it('runs batches of 1, 2, 4 … and stops after a batch with a failure', () => {
    let calls = 0;
    const r = slowStartBatch(20, 1, () => (++calls === 4 ? 'boom' : undefined));
    // batches 1 + 2 succeed, the third batch (4 calls) runs in full with one failure, then stop.
    expect(calls).toBe(7);
    expect(r).toEqual({ successes: 6, error: 'boom' });
  });

  it('does everything when nothing fails, and nothing for zero', () => {
    let calls = 0;
    expect(slowStartBatch(10, 1, () => void calls++)).toEqual({ successes: 10 });
    expect(calls).toBe(10);
    expect(slowStartBatch(0, 1, () => 'never')).toEqual({ successes: 0 });
  });
});

describe('expectations', () => {
  it('blocks until every expected creation and deletion is observed, or they expire', () => {
    let now = 0;
    const e = new ControllerExpectations(() => now);
    expect(e.satisfied('ns/a')).toBe(true);
    e.expectCreations('ns/a', 2);
    e.creationObserved('ns/a');
    expect(e.satisfied('ns/a')).toBe(false);
    e.creationObserved('ns/a');
    expect(e.satisfied('ns/a')).toBe(true);
    e.expectDeletions('ns/a', ['ns/p1']);
    e.deletionObserved('ns/a', 'ns/other');
    expect(e.satisfied('ns/a')).toBe(false);
    e.deletionObserved('ns/a', 'ns/p1');
    e.deletionObserved('ns/a', 'ns/p1'); // counted once
    expect(e.pending('ns/a')).toEqual({ add: 0, del: 0 });
    e.expectCreations('ns/a', 1);
    now += EXPECTATIONS_TIMEOUT_MS + 1;
    expect(e.satisfied('ns/a')).toBe(true);
  });
});

const pod = (name: string, opts: { node?: string; phase?: string; ready?: boolean; created?: string; restarts?: number; cost?: string } = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, uid: name, creationTimestamp: opts.created ?? '2025-01-01T00:00:00Z', annotations: opts.cost ? { 'controller.kubernetes.io/pod-deletion-cost': opts.cost } : undefined },
  spec: { containers: [], nodeName: opts.node },
  status: {
    phase: opts.phase ?? 'Running',
    conditions: opts.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }] : [],
    containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: !!opts.ready, restartCount: opts.restarts ?? 0 }],
  },
});

describe('podsToDelete', () => {
  const now = Date.parse('2025-01-01T01:00:00Z');
  it('ranks unscheduled, pending, not ready, cheap, doubled-up, restarting, then newer pods first', () => {
    const ps = [
      pod('ready', { node: 'n1', ready: true }),
      pod('unscheduled', {}),
      pod('pending', { node: 'n2', phase: 'Pending' }),
      pod('unready', { node: 'n3' }),
      pod('cheap', { node: 'n4', ready: true, cost: '-5' }),
    ];
    expect(podsToDelete(ps, ps, 4, now).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'unready', 'cheap']);
  });

  it('prefers doubled-up nodes, then more restarts, then the newest', () => {
    const a = pod('alone', { node: 'n1', ready: true });
    const b = pod('pair-1', { node: 'n2', ready: true });
    const c = pod('pair-2', { node: 'n2', ready: true });
    expect(podsToDelete([a, b, c], [a, b, c], 1, now)[0].metadata.name).toMatch(/^pair-/);
    const r = pod('restarts', { node: 'n3', ready: true, restarts: 3 });
    expect(podsToDelete([a, r], [a, r], 1, now)[0].metadata.name).toBe('restarts');
    const old = pod('old', { node: 'n5', ready: true, created: '2024-01-01T00:00:00Z' });
    const young = pod('young', { node: 'n6', ready: true, created: '2025-01-01T00:59:00Z' });
    expect(podsToDelete([old, young], [old, young], 1, now)[0].metadata.name).toBe('young');
  });

  it('deletes everything when asked for as many as there are', () => {
    const ps = [pod('a'), pod('b')];
    expect(podsToDelete(ps, [], 5, now)).toHaveLength(2);
  });
});

describe('podNamePrefix', () => {
  it('is the owner name and a dash', () => {
    expect(podNamePrefix('web-7d9f4')).toBe('web-7d9f4-');
    expect(podNamePrefix('x'.repeat(260))).toBe('x'.repeat(260));
  });
});
