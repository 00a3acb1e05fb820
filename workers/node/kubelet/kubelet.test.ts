import { describe, it, expect } from 'vitest';
import { createPod, eventsOf, getPod, runUntil, setup, statusOf } from './testing/setup';

describe('kubelet: a pod on a fresh node', () => {
  it('runs nginx: Pending/ContainerCreating, then Running and Ready, with events in upstream order', async () => {
    const { c } = await setup();
    createPod(c, { containers: [{ name: 'nginx', image: 'nginx' }] });
    expect(runUntil(c, () => statusOf(c).phase !== undefined && statusOf(c).containerStatuses !== undefined, 5_000)).toBe(true);
    const pending = statusOf(c);
    expect(pending.phase).toBe('Pending');
    expect(pending.hostIP).toBe('172.18.0.3');
    expect(pending.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect(runUntil(c, () => statusOf(c).phase === 'Running')).toBe(true);
    const s = statusOf(c);
    expect(s.podIP).toBe('10.244.1.2');
    const cs = s.containerStatuses![0];
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.conditions!.map((x) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const events = eventsOf(c);
    expect(events).toHaveLength(4);
    expect(events[0]).toBe('Pulling: Pulling image "nginx"');
    expect(events[1]).toMatch(/^Pulled: Successfully pulled image "nginx" in (\d+(\.\d+)?s|\d+ms) \((\d+(\.\d+)?s|\d+ms) including waiting\)\. Image size: \d+ bytes\.$/);
    expect(events.slice(2)).toEqual(['Created: Created container nginx', 'Started: Started container nginx']);
  });

  it('says the image is already present the second time', async () => {
    const { c } = await setup({ preloaded: ['nginx:1.27'] });
    createPod(c, { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    expect(runUntil(c, () => statusOf(c).phase === 'Running')).toBe(true);
    expect(eventsOf(c)).toEqual(['Pulled: Container image "nginx:1.27" already present on machine', 'Created: Created container nginx', 'Started: Started container nginx']);
  });
});

describe('kubelet: determinism', () => {
  it('gives the same pod status and events for the same seed', async () => {
    const run = async () => {
      const { c } = await setup();
      createPod(c, { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] });
      c.clock.runFor(60_000);
      return JSON.stringify({ status: getPod(c)?.status, events: eventsOf(c) });
    };
    const a = await run();
    expect(a).toContain('CrashLoopBackOff');
    expect(await run()).toBe(a);
  });
});
