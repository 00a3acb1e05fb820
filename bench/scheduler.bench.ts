/**
 * Scheduler throughput in upstream's SchedulingBasic shape
 * (test/integration/scheduler_perf: 5,000 nodes, 10,000 pods with small
 * requests, no affinity): pods bound per second of wall time, counting
 * each attempt's filter, score, binding and event writes.
 */
import { createCluster } from '../workers/cluster';
import { buildNode } from '../workers/node/nodeObject';
import type { Figure } from './report';

const NODES = 5000;
const PODS = 10_000;

function pod(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' } } }] },
  };
}

export async function schedulerBenchmarks(): Promise<Figure[]> {
  // As scheduler_perf runs it: an API server and one scheduler, no other controllers or kubelets.
  const c = await createCluster({ seed: 1, nodes: 0, controllers: ['scheduler'] });
  c.clock.runUntil({ time: c.clock.now() + 1000 });
  const api = c.as('bench');
  for (let i = 0; i < NODES; i++) {
    const body = buildNode({ name: `node-${i}`, index: i + 1, controlPlane: false, cpu: '4', memory: '32Gi', zone: `zone-${i % 3}` }, c.clock.timestamp());
    // buildNode numbers pod CIDRs for small clusters; spread these over 10.x.y.0/24.
    const cidr = `10.${16 + (i >> 8)}.${i & 255}.0/24`;
    body.spec = { ...(body.spec as object), podCIDR: cidr, podCIDRs: [cidr] };
    const r = api({ verb: 'create', group: '', version: 'v1', resource: 'nodes', body });
    if (r.status !== 201) throw new Error(`node create failed: ${JSON.stringify(r.body)}`);
  }
  c.clock.runUntil({ time: c.clock.now() + 1000 });
  for (let i = 0; i < PODS; i++) {
    const r = api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body: pod(i) });
    if (r.status !== 201) throw new Error(`pod create failed: ${JSON.stringify(r.body)}`);
  }
  let bound = 0;
  const stop = c.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { resourceVersion: String(c.store.revision) } }, (e) => {
    const o = e.object as { spec?: { nodeName?: string } };
    if (e.type === 'MODIFIED' && o.spec?.nodeName) bound++;
  });
  if ('status' in stop) throw new Error('watch refused');
  const t0 = performance.now();
  c.clock.runUntil({ until: () => bound >= PODS, time: c.clock.now() + 600_000 });
  const seconds = (performance.now() - t0) / 1000;
  stop.stop();
  if (bound < PODS) throw new Error(`only ${bound} of ${PODS} pods were scheduled`);
  return [{ name: 'sched_basic_pods_per_s', value: PODS / seconds, unit: 'pods/s', budget: 2700, kind: 'min' }];
}
