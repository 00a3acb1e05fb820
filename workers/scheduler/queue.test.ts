import { describe, it, expect } from 'vitest';
import { Clock } from '../clock/clock';
import { SchedulingQueue, POD_MAX_IN_UNSCHEDULABLE_MS, isPodUpdated } from './queue';
import { Framework } from './framework';
import { DEFAULT_PROFILE } from './registry';
import { fakeHandle, pod, podObject } from './testing/fixtures';
import { newPodInfo } from './podInfo';

function setup() {
  const h = fakeHandle([]);
  const clock = new Clock(0);
  const fw = new Framework(h, DEFAULT_PROFILE);
  const q = new SchedulingQueue(clock, fw);
  return { clock, q };
}

describe('SchedulingQueue', () => {
  it('pops by priority, then by arrival', () => {
    const { clock, q } = setup();
    q.add(pod({ name: 'low-1' }));
    clock.advanceTo(5);
    q.add(pod({ name: 'high', priority: 100 }));
    q.add(pod({ name: 'low-2' }));
    expect([q.pop()?.info.name, q.pop()?.info.name, q.pop()?.info.name, q.pop()]).toEqual(['high', 'low-1', 'low-2', undefined]);
  });

  it('back-off doubles from 1 s and stops at 10 s', () => {
    const { q } = setup();
    const qp = { info: pod(), timestamp: 0, attempts: 1, unschedulablePlugins: new Set<string>(), seq: 0, gated: false };
    const d = [1, 2, 3, 4, 5, 6].map((attempts) => q.backoffDuration({ ...qp, attempts }));
    expect(d).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('an unschedulable pod waits for a relevant event, then backs off', () => {
    const { clock, q } = setup();
    q.add(pod({ name: 'p' }));
    const qp = q.pop()!;
    qp.unschedulablePlugins = new Set(['NodeResourcesFit']);
    q.addUnschedulable(qp);
    expect(q.where('default/p')).toBe('unschedulable');
    q.onEvent('NamespaceChange');
    expect(q.where('default/p')).toBe('unschedulable');
    q.onEvent('NodeAdd');
    expect(q.where('default/p')).toBe('backoff');
    clock.runUntil({ time: 1000 });
    expect(q.where('default/p')).toBe('active');
  });

  it('an event during the attempt sends the pod to back-off instead of parking it', () => {
    const { q } = setup();
    q.add(pod({ name: 'p' }));
    const qp = q.pop()!;
    q.onEvent('AssignedPodDelete');
    qp.unschedulablePlugins = new Set(['NodeResourcesFit']);
    q.addUnschedulable(qp);
    expect(q.where('default/p')).toBe('backoff');
  });

  it('parked pods are retried after five minutes', () => {
    const { clock, q } = setup();
    q.add(pod({ name: 'p' }));
    const qp = q.pop()!;
    qp.unschedulablePlugins = new Set(['TaintToleration']);
    q.addUnschedulable(qp);
    clock.runUntil({ time: POD_MAX_IN_UNSCHEDULABLE_MS - 1 });
    expect(q.where('default/p')).toBe('unschedulable');
    clock.runUntil({ time: POD_MAX_IN_UNSCHEDULABLE_MS });
    expect(q.where('default/p')).toBe('active');
  });

  it('gated pods stay out until their gates are removed', () => {
    const { q } = setup();
    const gated = podObject({ name: 'g' });
    (gated.spec as Record<string, unknown>).schedulingGates = [{ name: 'wait' }];
    q.add(newPodInfo(gated));
    expect(q.where('default/g')).toBe('gated');
    q.onEvent('NodeAdd');
    expect(q.where('default/g')).toBe('gated');
    const open = podObject({ name: 'g' });
    q.update(gated, newPodInfo(open));
    expect(q.where('default/g')).toBe('active');
  });

  it('a status-only change does not count as a pod update', () => {
    const a = podObject({ name: 'x' });
    const b = { ...a, status: { conditions: [{ type: 'PodScheduled', status: 'False' }] }, metadata: { ...a.metadata, resourceVersion: '9' } };
    expect(isPodUpdated(a, b)).toBe(false);
    expect(isPodUpdated(a, { ...a, metadata: { ...a.metadata, labels: { x: 'y' } } })).toBe(true);
  });
});
