/**
 * The DESIGN.md scale budget: 10,000 pods on 100 nodes, from creating a
 * Deployment to every pod Running, with the clock as fast as possible —
 * scheduler, kubelets, runtime and controllers all at work.
 */
import { createCluster } from '../workers/cluster';
import type { WatchEvent } from '../workers/api/request';
import type { Figure } from './report';

export async function pods10kBenchmarks(opts: { pods?: number; nodes?: number } = {}): Promise<Figure[]> {
  const pods = opts.pods ?? 10_000;
  const nodes = opts.nodes ?? 100;
  const c = await createCluster({ seed: 1, nodes });
  c.clock.runFor(30_000); // nodes registered, add-ons running
  let running = 0;
  const phase = new Map<string, string>();
  const w = c.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { resourceVersion: String(c.store.revision) } }, (e: WatchEvent) => {
    const o = e.object as { metadata: { uid: string }; status?: { phase?: string } };
    const before = phase.get(o.metadata.uid);
    const now = e.type === 'DELETED' ? undefined : o.status?.phase;
    if (before === 'Running') running--;
    if (now === 'Running') running++;
    if (now) phase.set(o.metadata.uid, now);
    else phase.delete(o.metadata.uid);
  });
  if ('status' in w) throw new Error('watch refused');
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = c.request({
    verb: 'create',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespace: 'default',
    userAgent: 'bench',
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'scale', namespace: 'default' },
      spec: {
        replicas: pods,
        selector: { matchLabels: { app: 'scale' } },
        template: { metadata: { labels: { app: 'scale' } }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }] } },
      },
    },
  });
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  const virtualStart = c.clock.now();
  c.clock.runUntil({ until: () => running >= pods, time: virtualStart + 3_600_000, maxTasks: 50_000_000 });
  const wall = (performance.now() - t0) / 1000;
  if (running < pods) throw new Error(`only ${running}/${pods} pods Running after an hour of virtual time`);
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const growth = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // What history alone holds: the heap compacting every past revision away frees (live state shares the rest).
  w.stop();
  c.store.compact(c.store.revision);
  globalThis.gc?.();
  const history = heap - process.memoryUsage().heapUsed / 2 ** 20;
  const label = pods === 10_000 && nodes === 100 ? 'pods10k_nodes100' : `pods${pods}_nodes${nodes}`;
  return [
    { name: `${label}_wall_s`, value: wall, unit: 's', budget: label === 'pods10k_nodes100' ? 2 : 'report', kind: 'max' },
    { name: `${label}_heap_mb`, value: heap, unit: 'MB', budget: label === 'pods10k_nodes100' ? 300 : 'report', kind: 'max' },
    { name: `${label}_virtual_s`, value: (c.clock.now() - virtualStart) / 1000, unit: 's', budget: 'report' },
    { name: `${label}_heap_growth_mb`, value: growth, unit: 'MB', budget: 'report' },
    { name: `${label}_history_mb`, value: history, unit: 'MB', budget: 'report' },
  ];
}
