import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';

const MANIFESTS = [
  { group: 'apps', version: 'v1', resource: 'deployments', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } },
  { group: '', version: 'v1', resource: 'services', body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } } },
  { group: '', version: 'v1', resource: 'pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'job-', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
];

async function historyHash(seed: number): Promise<string> {
  const c = await createCluster({ seed });
  c.clock.runUntil({ time: c.clock.now() + 5_000 });
  for (const m of MANIFESTS) {
    const r = c.request({ verb: 'create', group: m.group, version: m.version, resource: m.resource, namespace: 'default', body: m.body, userAgent: 'kubectl/v1.32.0' });
    expect(r.status).toBe(201);
    c.clock.runUntil({ time: c.clock.now() + 1_000 });
  }
  c.clock.runUntil({ time: c.clock.now() + 120_000, maxTasks: 200_000 });
  const h = createHash('sha256');
  for (const e of c.store.history()) h.update(JSON.stringify([e.revision, e.type, e.key, e.time, e.cause, e.kv?.value ?? null]));
  return h.digest('hex');
}

describe('determinism', () => {
  it('gives the same history, byte for byte, for the same inputs and seed', async () => {
    const a = await historyHash(42);
    const b = await historyHash(42);
    expect(a).toBe(b);
  });

  it('gives a different history for a different seed', async () => {
    expect(await historyHash(42)).not.toBe(await historyHash(43));
  });
});
