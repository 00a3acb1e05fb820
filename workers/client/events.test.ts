import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { EventRecorder } from './events';
import type { KubeObject } from '../api/object';

const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'u1', resourceVersion: '5' } };

async function setup() {
  const c = await createCluster({ seed: 1, controllers: [] });
  const rec = new EventRecorder(c.clock, c.as('replicaset-controller'), 'replicaset-controller');
  const events = () =>
    ((c.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as { items: KubeObject[] }).items as unknown as {
      message: string;
      count: number;
      reason: string;
    }[]);
  return { c, rec, events };
}

describe('EventRecorder', () => {
  it('counts repeats of the same event on one object', async () => {
    const { c, rec, events } = await setup();
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    c.clock.runFor(1000);
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ count: 2, reason: 'FailedCreate' });
  });

  it('combines similar events after ten and stops at the spam limit', async () => {
    const { rec, events } = await setup();
    for (let i = 0; i < 40; i++) rec.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-1-${i}`);
    const list = events();
    expect(list.filter((e) => !e.message.startsWith('(combined'))).toHaveLength(10);
    const combined = list.find((e) => e.message.startsWith('(combined from similar events): Created pod: web-1-'))!;
    expect(combined.count).toBe(15); // 25 allowed by the spam filter, 10 of them on their own
  });
});

describe('EventRecorder memory', () => {
  it('forgets objects beyond its LRU size, so a repeat long after is a new event', async () => {
    const { c, events } = await setup();
    const { LRU_CACHE_ENTRIES } = await import('./events');
    const rec = new EventRecorder(c.clock, c.as('kubelet'), 'kubelet', 'worker-1');
    const pod = (i: number): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` } });
    rec.event(pod(0), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    for (let i = 1; i <= LRU_CACHE_ENTRIES; i++) rec.event(pod(i), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    rec.event(pod(0), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    const forP0 = events().filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === 'p0');
    expect(forP0.map((e) => e.count)).toEqual([1, 1]);
  });
});
