import { describe, expect, it } from 'vitest';
import { addOrUpdateTaint, matchingTolerations, removeTaint, toleratesTaint, type Taint } from './taints';
import { RateLimitedTimedQueue } from './rateLimitedQueue';
import { computeZoneState, zoneKey, zoneQps } from './zones';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('taints and tolerations', () => {
  it('matches tolerations the way ToleratesTaint does', () => {
    expect(toleratesTaint({ operator: 'Exists' }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, unreachable)).toBe(false);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, unreachable)).toBe(false);
    // Equal (or empty) operator compares values; an unknown operator tolerates nothing.
    expect(toleratesTaint({ key: 'k', value: 'v' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'w' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(false);
    expect(toleratesTaint({ key: 'k', operator: 'Gt', value: 'v' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(false);
  });

  it('needs a toleration for every taint', () => {
    const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    const t = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
    expect(matchingTolerations([unreachable], [t])).toEqual({ all: true, used: [t] });
    expect(matchingTolerations([unreachable, notReady], [t])).toEqual({ all: false, used: [] });
    expect(matchingTolerations([unreachable], [])).toEqual({ all: false, used: [] });
    expect(matchingTolerations([], [])).toEqual({ all: true, used: [] });
  });

  it('adds, updates and removes taints by key and effect', () => {
    const a = addOrUpdateTaint([], { ...unreachable, timeAdded: 't1' });
    expect(a).toEqual({ taints: [{ ...unreachable, timeAdded: 't1' }], updated: true });
    expect(addOrUpdateTaint(a.taints, { ...unreachable, timeAdded: 't1' }).updated).toBe(false);
    expect(addOrUpdateTaint(a.taints, { ...unreachable, timeAdded: 't2' }).taints).toEqual([{ ...unreachable, timeAdded: 't2' }]);
    expect(removeTaint(a.taints, { key: unreachable.key, effect: 'NoSchedule' })).toEqual({ taints: a.taints, removed: false });
    expect(removeTaint(a.taints, unreachable)).toEqual({ taints: [], removed: true });
  });
});

describe('rate-limited tainting queue', () => {
  it('lets one node through at once, then one per 10 s, and never queues a node twice', () => {
    const q = new RateLimitedTimedQueue(0.1, 0);
    expect(q.add('a', 'u1', 0)).toBe(true);
    expect(q.add('b', 'u2', 0)).toBe(true);
    expect(q.add('a', 'u1', 0)).toBe(false);
    const done: string[] = [];
    q.try(0, (v) => (done.push(v.value), true));
    expect(done).toEqual(['a']);
    expect(q.nextDelay(0)).toBe(10_000);
    q.try(5_000, (v) => (done.push(v.value), true));
    expect(done).toEqual(['a']);
    q.try(10_000, (v) => (done.push(v.value), true));
    expect(done).toEqual(['a', 'b']);
    // Processed values stay known until removed.
    expect(q.add('a', 'u1', 10_000)).toBe(false);
    expect(q.remove('a')).toBe(true);
    expect(q.add('a', 'u1', 10_000)).toBe(true);
  });

  it('stops entirely at 0 qps', () => {
    const q = new RateLimitedTimedQueue(0, 0);
    q.add('a', 'u', 0);
    let ran = false;
    q.try(1e9, () => (ran = true));
    expect(ran).toBe(false);
    expect(q.nextDelay(0)).toBeUndefined();
  });
});

describe('zones', () => {
  it('classifies zone health like ComputeZoneState', () => {
    const c = (status: string) => ({ type: 'Ready', status });
    expect(computeZoneState([c('True'), c('Unknown')]).state).toBe('Normal');
    expect(computeZoneState([c('Unknown'), undefined]).state).toBe('FullDisruption');
    expect(computeZoneState([c('False'), c('False'), c('False'), c('True')]).state).toBe('PartialDisruption');
    expect(computeZoneState([c('False'), c('False'), c('True')]).state).toBe('Normal');
    expect(computeZoneState([]).state).toBe('Normal');
    expect(zoneQps('PartialDisruption', 10)).toBe(0);
    expect(zoneQps('PartialDisruption', 51)).toBe(0.01);
    expect(zoneQps('FullDisruption', 1)).toBe(0.1);
  });

  it('keys zones by region and zone labels', () => {
    const node = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels } });
    expect(zoneKey(node({ 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' }))).toBe('r:\u0000:z');
    expect(zoneKey(node({ 'failure-domain.beta.kubernetes.io/zone': 'z' }))).toBe(':\u0000:z');
    expect(zoneKey(node({}))).toBe('');
  });
});
