/** "Reconfigure without rebuild": a mounted ConfigMap follows updates; environment variables do not. */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';

function exec(c: Cluster, pod: string, command: string[]): string {
  const r = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: pod, subresource: 'exec', body: { command } });
  expect(r.status).toBe(200);
  return (r.body as { stdout: string }).stdout;
}

describe('ConfigMap updates', () => {
  it('reach mounted files after the kubelet sync period, but not env vars', async () => {
    const c = await createCluster({ seed: 8 });
    c.clock.runFor(5_000);
    const api = c.as('test');
    api({ verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { color: 'blue' } } });
    api({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'app' },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'busybox',
              command: ['sleep', '3600'],
              env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'color' } } }],
              volumeMounts: [{ name: 'cfg', mountPath: '/etc/settings' }],
            },
          ],
          volumes: [{ name: 'cfg', configMap: { name: 'settings' } }],
        },
      },
    });
    c.clock.runUntil({
      until: () => (c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'app' }).body as { status?: { phase?: string } }).status?.phase === 'Running',
      time: c.clock.now() + 120_000,
    });
    expect(exec(c, 'app', ['cat', '/etc/settings/color'])).toBe('blue');
    api({ verb: 'patch', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', name: 'settings', contentType: 'application/merge-patch+json', body: { data: { color: 'green' } } });
    c.clock.runFor(120_000);
    expect(exec(c, 'app', ['cat', '/etc/settings/color'])).toBe('green');
    expect(exec(c, 'app', ['sh', '-c', 'echo $COLOR']).trim()).toBe('blue');
  });
});
