/** Store and API throughput: creates through the full pipeline, and watch fan-out. */
import { createCluster } from '../workers/cluster';
import type { Figure } from './report';

function configMap(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: 'default', labels: { app: 'bench', shard: String(i % 10) } },
    data: { key: `value-${i}` },
  };
}

function pod(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'default', labels: { app: 'bench' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  };
}

export async function apiBenchmarks(): Promise<Figure[]> {
  const n = 5000;
  const c1 = await createCluster({ seed: 1 });
  c1.clock.runFor(2_000);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = c1.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body: pod(i), userAgent: 'bench' });
    if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  }
  const createsPerS = n / ((performance.now() - t0) / 1000);

  const c2 = await createCluster({ seed: 2 });
  c2.clock.runFor(2_000);
  let delivered = 0;
  for (let w = 0; w < 10; w++) {
    const h = c2.watch({ verb: 'watch', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', query: { resourceVersion: String(c2.store.revision) } }, () => delivered++);
    if ('status' in h) throw new Error('watch refused');
  }
  const t1 = performance.now();
  for (let i = 0; i < n; i++) c2.request({ verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', body: configMap(i), userAgent: 'bench' });
  const watchPerS = delivered / ((performance.now() - t1) / 1000);
  if (delivered !== n * 10) throw new Error(`expected ${n * 10} watch events, got ${delivered}`);

  return [
    { name: 'store_creates_per_s', value: createsPerS, unit: 'creates/s', budget: 'report' },
    { name: 'watch_events_per_s', value: watchPerS, unit: 'events/s', budget: 'report' },
  ];
}
