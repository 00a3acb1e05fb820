import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../cluster';
import type { KubeObject } from '../api/object';
import { startScheduler, type Scheduler } from './scheduler';

interface Env {
  c: Cluster;
  s: Scheduler;
  api: ReturnType<Cluster['as']>;
}

async function setup(seed = 1): Promise<Env> {
  const c = await createCluster({ seed, controllers: [], kubelets: 'register' });
  const s = startScheduler(c.components);
  c.clock.runUntil({ time: c.clock.now() + 1000 });
  return { c, s, api: c.as('test') };
}

function createPod(e: Env, name: string, spec: Record<string, unknown> = {}, cpu = '100m'): void {
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name.replace(/-\d+$/, '') } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }], ...spec },
  };
  const r = e.api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

function getPod(e: Env, name: string): Pod & KubeObject {
  return e.api({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name }).body as Pod & KubeObject;
}

function events(e: Env, name: string): string[] {
  const list = e.api({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as { items: { reason: string; message: string; type: string; involvedObject: { name: string }; source?: { component?: string } }[] };
  return list.items.filter((x) => x.involvedObject.name === name).map((x) => `${x.type} ${x.reason} ${x.source?.component}: ${x.message}`);
}

const run = (e: Env, ms = 5_000) => e.c.clock.runUntil({ time: e.c.clock.now() + ms });

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('kube-scheduler on a cluster', () => {
  it('spreads pods over the workers, never onto the control plane', async () => {
    const e = await setup();
    const tasks: string[] = [];
    e.c.clock.onTask((t) => {
      if (t.component === 'kube-scheduler') tasks.push(`${t.key} ${t.what}`);
    });
    for (let i = 1; i <= 6; i++) createPod(e, `web-${i}`);
    run(e);
    expect(tasks).toEqual([1, 2, 3, 4, 5, 6].map((i) => `default/web-${i} schedule`));
    const nodes = [1, 2, 3, 4, 5, 6].map((i) => getPod(e, `web-${i}`).spec?.nodeName);
    expect(nodes).not.toContain('control-plane');
    expect(nodes).not.toContain(undefined);
    const perNode = new Map<string, number>();
    for (const n of nodes) perNode.set(n!, (perNode.get(n!) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
    const p = getPod(e, 'web-1');
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(events(e, 'web-1')).toEqual([`Normal Scheduled default-scheduler: Successfully assigned default/web-1 to ${p.spec?.nodeName}`]);
    const d = e.s.lastDecision('default', 'web-1')!;
    expect(d.node).toBe(p.spec?.nodeName);
    expect(d.filtered).toEqual([{ node: 'control-plane', plugin: 'TaintToleration', reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' }]);
    expect(d.scores.map((s) => s.node).sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(d.scores[0].byPlugin.TaintToleration).toBe(300);
    expect(e.s.lastDecision('default', 'nope')).toBeUndefined();
  });

  it('a pod asking for 100 CPUs stays Pending with the upstream message, event and condition', async () => {
    const e = await setup();
    createPod(e, 'huge', {}, '100');
    run(e);
    const msg = `0/4 nodes are available: ${TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`;
    const p = getPod(e, 'huge');
    expect(p.spec?.nodeName).toBeUndefined();
    const cond = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(events(e, 'huge')).toEqual([`Warning FailedScheduling default-scheduler: ${msg}`]);
    expect(e.s.queue.where('default/huge')).toBe('unschedulable');
    expect(e.s.lastDecision('default', 'huge')?.filtered.filter((f) => f.reason === 'Insufficient cpu')).toHaveLength(3);
  });

  it('a nodeSelector nobody matches waits until a node gets the label', async () => {
    const e = await setup();
    createPod(e, 'picky', { nodeSelector: { disktype: 'ssd' } });
    run(e);
    expect(getPod(e, 'picky').status?.conditions?.[0]?.message).toBe(
      `0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
    const r = e.api({ verb: 'patch', group: '', version: 'v1', resource: 'nodes', name: 'worker-2', contentType: 'application/merge-patch+json', body: { metadata: { labels: { disktype: 'ssd' } } } });
    expect(r.status).toBe(200);
    run(e, 15_000);
    expect(getPod(e, 'picky').spec?.nodeName).toBe('worker-2');
  });

  it('a toleration lets a pod onto the control plane', async () => {
    const e = await setup();
    createPod(e, 'admin', {
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    });
    run(e);
    expect(getPod(e, 'admin').spec?.nodeName).toBe('control-plane');
  });

  it('a missing PersistentVolumeClaim is reported by VolumeBinding', async () => {
    const e = await setup();
    createPod(e, 'db', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] });
    run(e);
    expect(getPod(e, 'db').status?.conditions?.[0]?.message).toBe(
      '0/4 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('a higher-priority pod preempts a lower-priority one and is bound once it is gone', async () => {
    const e = await setup();
    for (let i = 1; i <= 3; i++) createPod(e, `filler-${i}`, {}, '3');
    run(e);
    const pc = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 };
    expect(e.api({ verb: 'create', group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', body: pc }).status).toBe(201);
    createPod(e, 'vip', { priorityClassName: 'high' }, '3');
    run(e);
    const vip = getPod(e, 'vip');
    const target = vip.status?.nominatedNodeName;
    expect(target).toMatch(/^worker-/);
    const victim = [1, 2, 3].map((i) => getPod(e, `filler-${i}`)).find((p) => p.spec?.nodeName === target)!;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(events(e, victim.metadata.name!)).toContain(`Normal Preempted default-scheduler: Preempted by pod ${vip.metadata.uid} on node ${target}`);
    expect(vip.spec?.nodeName).toBeUndefined();
    // The kubelet would finish the graceful deletion; do it by hand.
    e.api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: victim.metadata.name!, query: { gracePeriodSeconds: '0' } });
    run(e, 15_000);
    expect(getPod(e, 'vip').spec?.nodeName).toBe(target);
  });

  it('equal pods land on the same nodes for the same seed', async () => {
    const placements = async (seed: number) => {
      const e = await setup(seed);
      for (let i = 1; i <= 9; i++) createPod(e, `p-${i}`, {}, `${100 + (i % 3) * 50}m`);
      run(e);
      return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => getPod(e, `p-${i}`).spec?.nodeName);
    };
    const a = await placements(7);
    expect(a).not.toContain(undefined);
    expect(await placements(7)).toEqual(a);
  });
});
