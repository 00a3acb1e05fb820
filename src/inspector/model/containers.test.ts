import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../workers/api/object';
import { containerRows, logContainerNames } from './containers';

const NOW = Date.parse('2025-01-01T00:10:00Z');

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    initContainers: [{ name: 'setup', image: 'busybox' }, { name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
    containers: [
      { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] },
      { name: 'app', image: 'bad:image' },
      { name: 'new', image: 'redis' },
    ],
  },
  status: {
    initContainerStatuses: [
      { name: 'setup', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:00Z' } } },
    ],
    containerStatuses: [
      {
        name: 'web',
        ready: true,
        restartCount: 2,
        state: { running: { startedAt: '2025-01-01T00:09:00Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2025-01-01T00:05:00Z' } },
      },
      { name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "bad:image"' } }, lastState: {} },
    ],
  },
} as unknown as KubeObject;

describe('containerRows', () => {
  it('summarises each container like describe: state with reason, last state, restarts, image, ports', () => {
    const rows = containerRows(pod, NOW);
    expect(rows.map((r) => [r.name, r.role, r.state.state, r.state.reason])).toEqual([
      ['setup', 'init', 'Terminated', 'Completed'],
      ['proxy', 'sidecar', '', ''],
      ['web', 'container', 'Running', ''],
      ['app', 'container', 'Waiting', 'ImagePullBackOff'],
      ['new', 'container', '', ''],
    ]);
    const web = rows[2];
    expect(web).toMatchObject({ image: 'nginx:1.27', ports: '80/TCP, 53/UDP', ready: true, restarts: 2 });
    expect(web.state).toMatchObject({ since: '60s', tone: 'ok' });
    expect(web.lastState).toMatchObject({ state: 'Terminated', reason: 'OOMKilled', exitCode: 137, tone: 'error' });
    expect(rows[3]).toMatchObject({ ports: '<none>', lastState: null, state: { tone: 'error', message: 'Back-off pulling image "bad:image"' } });
    expect(rows[0].state.tone).toBe('neutral');
  });

  it('lists log containers with the regular ones first', () => {
    expect(logContainerNames(pod)).toEqual(['web', 'app', 'new', 'setup', 'proxy']);
  });

  it('handles a pod without spec or status', () => {
    expect(containerRows({ apiVersion: 'v1', kind: 'Pod', metadata: {} } as KubeObject, NOW)).toEqual([]);
    expect(logContainerNames({ apiVersion: 'v1', kind: 'Pod', metadata: {} } as KubeObject)).toEqual([]);
  });
});
