import { describe, it, expect } from 'vitest';
import { createPod, eventCount, eventsOf, runUntil, setup, statusOf } from './testing/setup';

describe('kubelet: image pulls that fail', () => {
  it('goes ErrImagePull → ImagePullBackOff, retrying after 10 s then 20 s', async () => {
    const { c } = await setup();
    createPod(c, { containers: [{ name: 'app', image: 'nginx:doesnotexist' }] });
    const waiting = () => statusOf(c).containerStatuses?.[0]?.state.waiting;
    expect(runUntil(c, () => waiting()?.reason === 'ErrImagePull', 10_000)).toBe(true);
    const ref = 'docker.io/library/nginx:doesnotexist';
    const err = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    expect(waiting()?.message).toBe(err);
    const firstFail = c.clock.now();
    expect(runUntil(c, () => waiting()?.reason === 'ImagePullBackOff', 5_000)).toBe(true);
    expect(waiting()?.message).toBe(`Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${err}`);
    expect(statusOf(c).phase).toBe('Pending');
    // The next pull comes when the 10 s back-off is over.
    expect(runUntil(c, () => eventCount(c, 'web', 'Pulling') === 2, 30_000)).toBe(true);
    expect(c.clock.now() - firstFail).toBe(10_000);
    const events = eventsOf(c);
    expect(events.slice(0, 5)).toEqual([
      'Pulling: Pulling image "nginx:doesnotexist"',
      `Failed: Failed to pull image "nginx:doesnotexist": ${err}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "nginx:doesnotexist"',
      'Failed: Error: ImagePullBackOff',
    ]);
    // Second failure: 20 s of back-off before the third pull.
    runUntil(c, () => waiting()?.reason === 'ErrImagePull', 5_000);
    const secondFail = c.clock.now();
    expect(runUntil(c, () => eventCount(c, 'web', 'Pulling') === 3, 60_000)).toBe(true);
    expect(c.clock.now() - secondFail).toBe(20_000);
  });

  it('never pulls with imagePullPolicy Never', async () => {
    const { c } = await setup();
    createPod(c, { containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Never' }] });
    const waiting = () => statusOf(c).containerStatuses?.[0]?.state.waiting;
    expect(runUntil(c, () => waiting()?.reason === 'ErrImageNeverPull', 10_000)).toBe(true);
    expect(waiting()?.message).toBe('Container image "nginx:1.27" is not present with pull policy of Never');
    expect(eventsOf(c)).toContain('ErrImageNeverPull: Container image "nginx:1.27" is not present with pull policy of Never');
  });
});

describe('kubelet: containers that crash', () => {
  it('busybox exit 1: Error, then CrashLoopBackOff with back-off 10s, 20s, 40s', async () => {
    const { c, started } = await setup({ preloaded: ['busybox'] });
    createPod(c, { containers: [{ name: 'boom', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'exit 1'] }] }, 'crash');
    const cs = () => statusOf(c, 'crash').containerStatuses?.[0];
    expect(runUntil(c, () => cs()?.state.waiting?.reason === 'CrashLoopBackOff', 10_000)).toBe(true);
    // First exit restarts at once; the second one backs off 10 s.
    expect(cs()?.restartCount).toBe(1);
    expect(cs()?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const uid = (statusOf(c, 'crash') as { startTime?: string }) && (c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'crash' }).body as { metadata: { uid: string } }).metadata.uid;
    expect(cs()?.state.waiting?.message).toBe(`back-off 10s restarting failed container=boom pod=crash_default(${uid})`);
    expect(statusOf(c, 'crash').phase).toBe('Running');
    expect(eventsOf(c, 'crash')).toContain(`BackOff: Back-off restarting failed container boom in pod crash_default(${uid})`);
    expect(runUntil(c, () => (cs()?.restartCount ?? 0) >= 4 && cs()?.state.waiting?.reason === 'CrashLoopBackOff', 200_000)).toBe(true);
    const starts = started.filter((p) => p.config.podName === 'crash').map((p) => p.process.startedAt);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) / 1000));
    expect(gaps.slice(0, 4)).toEqual([0, 10, 20, 40]);
    expect(cs()?.state.waiting?.message ?? '').toMatch(/^back-off 1m20s restarting failed container=boom/);
  });

  it('restartPolicy Never: a failing container makes the pod Failed, a succeeding one Succeeded', async () => {
    const { c } = await setup({ preloaded: ['busybox'] });
    createPod(c, { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'exit 3'] }] }, 'bad');
    createPod(c, { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'echo done'] }] }, 'good');
    expect(runUntil(c, () => statusOf(c, 'bad').phase === 'Failed' && statusOf(c, 'good').phase === 'Succeeded', 20_000)).toBe(true);
    expect(statusOf(c, 'bad').containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(statusOf(c, 'good').containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const ready = statusOf(c, 'good').conditions?.find((x) => x.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(statusOf(c, 'good').conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status).toBe('False');
  });
});
