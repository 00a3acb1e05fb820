import { describe, it, expect } from 'vitest';
import { EvictionRestriction, morePressing, updatePriority, wantsUpdate } from './updatePriority';
import { pod, vpa } from './testing';

const rec = [{ containerName: 'app', target: { cpu: '500m', memory: '256Mi' }, lowerBound: { cpu: '300m', memory: '200Mi' }, upperBound: { cpu: '2', memory: '1Gi' } }];
const NOW = Date.parse('2025-01-02T00:00:00Z');

describe('update priority', () => {
  it('marks a pod whose request is under the lower bound', () => {
    const p = updatePriority(pod('a', { requests: { cpu: '100m', memory: '256Mi' } }) as never, vpa('v', {}, rec));
    expect(p.outsideRecommendedRange).toBe(true);
    expect(p.scaleUp).toBe(true);
    expect(p.resourceDiff).toBeCloseTo(4, 5); // |100m-500m|/100m + 0
    expect(wantsUpdate(pod('a', undefined) as never, p, NOW)).toBe(true);
  });

  it('leaves a young pod in range alone, updates an old one when the change is big enough', () => {
    const inRange = pod('b', { requests: { cpu: '400m', memory: '256Mi' } }, { startTime: '2025-01-01T23:00:00Z' });
    const p = updatePriority(inRange as never, vpa('v', {}, rec));
    expect(p.outsideRecommendedRange).toBe(false);
    expect(wantsUpdate(inRange as never, p, NOW)).toBe(false);
    const old = pod('c', { requests: { cpu: '400m', memory: '256Mi' } }, { startTime: '2025-01-01T00:00:00Z' });
    expect(wantsUpdate(old as never, updatePriority(old as never, vpa('v', {}, rec)), NOW)).toBe(true);
    const close = pod('d', { requests: { cpu: '480m', memory: '256Mi' } }, { startTime: '2025-01-01T00:00:00Z' });
    expect(wantsUpdate(close as never, updatePriority(close as never, vpa('v', {}, rec)), NOW)).toBe(false);
    expect(wantsUpdate(pod('e', undefined) as never, { outsideRecommendedRange: false, scaleUp: false, resourceDiff: 1 }, NOW)).toBe(false);
  });

  it('a missing request counts as outside the range', () => {
    expect(updatePriority(pod('f', undefined) as never, vpa('v', {}, rec)).outsideRecommendedRange).toBe(true);
    expect(updatePriority(pod('g', undefined, { containers: ['other'] }) as never, vpa('v', {}, rec)).outsideRecommendedRange).toBe(false);
  });

  it('orders outside-range first, then scale-ups, then the bigger change', () => {
    const ps = [
      { outsideRecommendedRange: false, scaleUp: true, resourceDiff: 5 },
      { outsideRecommendedRange: true, scaleUp: false, resourceDiff: 0.5 },
      { outsideRecommendedRange: true, scaleUp: true, resourceDiff: 0.2 },
      { outsideRecommendedRange: true, scaleUp: true, resourceDiff: 0.9 },
    ];
    expect([...ps].sort(morePressing).map((p) => p.resourceDiff)).toEqual([0.9, 0.2, 0.5, 5]);
  });
});

describe('eviction restriction', () => {
  const replicas = (n: number) => () => n;
  it('evicts at most half of a group (truncated) per loop', () => {
    const pods = [pod('a', {}), pod('b', {}), pod('c', {}), pod('d', {})];
    const r = new EvictionRestriction(pods as never, vpa('v'), replicas(4));
    let evicted = 0;
    for (const p of pods) if (r.canEvict(p as never)) (r.evicted(p as never), evicted++);
    expect(evicted).toBe(2);
  });

  it('leaves groups below minReplicas (2 by default, or the VPA’s) alone', () => {
    const one = [pod('a', {})];
    expect(new EvictionRestriction(one as never, vpa('v'), replicas(1)).canEvict(one[0] as never)).toBe(false);
    expect(new EvictionRestriction(one as never, vpa('v', { updatePolicy: { minReplicas: 1 } }), replicas(1)).canEvict(one[0] as never)).toBe(true);
  });

  it('a whole group with no tolerance may still lose one pod; pending pods always go; bare pods never', () => {
    const two = [pod('a', {}), pod('b', {})];
    const r = new EvictionRestriction(two as never, vpa('v'), replicas(2));
    expect(r.canEvict(two[0] as never)).toBe(true);
    r.evicted(two[0] as never);
    expect(r.canEvict(two[1] as never)).toBe(false);
    const withPending = [pod('a', {}), pod('p', {}, { phase: 'Pending' })];
    expect(new EvictionRestriction(withPending as never, vpa('v'), replicas(2)).canEvict(withPending[1] as never)).toBe(true);
    const bare = [pod('x', {}, { owner: '' }), pod('y', {}, { owner: '' })];
    expect(new EvictionRestriction(bare as never, vpa('v'), replicas(2)).canEvict(bare[0] as never)).toBe(false);
  });
});
