import { describe, it, expect, beforeAll } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../../controllers/context';
import { NodeGroup } from './nodeGroup';
import { planScaleUp, scaleUpInfoString } from './scaleUp';
import { ClusterSnapshot, PredicateChecker } from './simulator';
import { bareComponents, rsPod, worker } from './testing';

let ctx: ComponentContext;
beforeAll(async () => {
  ctx = await bareComponents();
});

/** Three 4-cpu workers, each with a 3-cpu pod already. */
function cluster(): { nodes: KubeObject[]; pods: KubeObject[] } {
  const nodes = ['w1', 'w2', 'w3'].map((n) => worker(n));
  const pods = nodes.map((n, i) => rsPod({ name: `run-${i}`, requests: { cpu: '3' }, nodeName: n.metadata.name }));
  return { nodes, pods };
}

function plan(opts: { pending: KubeObject[]; upcoming?: number; currentSize?: number; max?: number }) {
  const { nodes, pods } = cluster();
  const group = new NodeGroup(3, opts.max ?? 6);
  group.observe(nodes);
  return planScaleUp({
    snapshot: ClusterSnapshot.fromObjects(nodes, pods),
    checker: new PredicateChecker(ctx),
    group,
    currentSize: opts.currentSize ?? 3,
    upcoming: opts.upcoming ?? 0,
    pending: opts.pending,
    daemonSetPods: () => [],
  });
}

const pending = (n: number, extra: Parameters<typeof rsPod>[0] = {}) => Array.from({ length: n }, (_, i) => rsPod({ name: `p-${i}`, requests: { cpu: '3' }, ...extra }));

describe('scale-up decision', () => {
  it('adds one template node per pod that needs its own node', () => {
    const p = plan({ pending: pending(3) });
    expect(p.option).toEqual({ group: 'workers', currentSize: 3, newSize: 6, maxSize: 6 });
    expect(scaleUpInfoString(p.option!)).toBe('{workers 3->6 (max: 6)}');
    expect(p.triggered).toEqual(['default/p-0', 'default/p-1', 'default/p-2']);
    expect(p.notTriggered).toEqual([]);
  });

  it('bin-packs small pods onto as few new nodes as they fit', () => {
    const p = plan({ pending: pending(4, { requests: { cpu: '1500m' } }) });
    expect(p.option?.newSize).toBe(5);
  });

  it('caps at the group maximum but still counts every helped pod', () => {
    const p = plan({ pending: pending(5), max: 5 });
    expect(p.option).toEqual({ group: 'workers', currentSize: 3, newSize: 5, maxSize: 5 });
    expect(p.triggered).toHaveLength(5);
  });

  it('pods that fit on booting machines wait instead of asking for more', () => {
    const p = plan({ pending: pending(3), upcoming: 3, currentSize: 6 });
    expect(p.option).toBeUndefined();
    expect(p.waiting).toHaveLength(3);
    expect(p.notTriggered).toEqual([]);
  });

  it('a pod no node of the group could hold does not trigger, with the scheduler’s reason', () => {
    const p = plan({ pending: [rsPod({ name: 'huge', requests: { cpu: '100' } })] });
    expect(p.option).toBeUndefined();
    expect(p.notTriggered).toEqual([{ pod: 'default/huge', reasons: '1 Insufficient cpu' }]);
    const sel = plan({ pending: [rsPod({ name: 'gpu', requests: { cpu: '3' }, nodeSelector: { accelerator: 'nvidia' } })] });
    expect(sel.notTriggered).toEqual([{ pod: 'default/gpu', reasons: "1 node(s) didn't match Pod's node affinity/selector" }]);
    const both = plan({ pending: [rsPod({ name: 'big', requests: { cpu: '100', memory: '1Ti' } })] });
    expect(both.notTriggered[0].reasons).toBe('1 Insufficient cpu, 1 Insufficient memory');
  });

  it('at max size nothing is tried', () => {
    const p = plan({ pending: pending(1), currentSize: 6 });
    expect(p.option).toBeUndefined();
    expect(p.notTriggered).toEqual([{ pod: 'default/p-0', reasons: '1 max node group size reached' }]);
  });

  it('the template has the group’s labels and none of the autoscaler’s taints', () => {
    const g = new NodeGroup(1, 2);
    expect(g.templateNode(0)).toBeUndefined();
    const n = worker('w9');
    (n.spec as Record<string, unknown>).taints = [{ key: 'ToBeDeletedByClusterAutoscaler', value: '1', effect: 'NoSchedule' }];
    (n.spec as Record<string, unknown>).unschedulable = true;
    g.observe([n]);
    const t = g.templateNode(2)!;
    expect(t.metadata.name).toBe('template-node-for-workers-2');
    expect(t.metadata.labels?.['kubernetes.io/hostname']).toBe('template-node-for-workers-2');
    expect(t.metadata.labels?.['topology.kubernetes.io/zone']).toBe('zone-a');
    expect(t.spec).toEqual({});
  });
});
