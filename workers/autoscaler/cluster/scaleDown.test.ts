import { describe, it, expect, beforeAll } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../../controllers/context';
import { podObject } from '../../scheduler/testing/fixtures';
import { findRemovable, podDisposition, utilizationOf, utilizationString } from './scaleDown';
import { ClusterSnapshot, PredicateChecker } from './simulator';
import { bareComponents, rsPod, worker } from './testing';

let ctx: ComponentContext;
beforeAll(async () => {
  ctx = await bareComponents();
});

const ds = (name: string, nodeName: string) => podObject({ name, namespace: 'kube-system', nodeName, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'ds', controller: true }] });

describe('drainability', () => {
  const noPdb: { matches: (p: KubeObject) => boolean; allowed: number }[] = [];
  it('moves replicated pods, skips DaemonSet and mirror pods', () => {
    expect(podDisposition(rsPod({ name: 'a' }) as never, noPdb)).toEqual({ kind: 'move' });
    expect(podDisposition(ds('kp', 'w1') as never, noPdb)).toEqual({ kind: 'skip' });
    const mirror = podObject({ name: 'etcd', namespace: 'kube-system' });
    mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'x' };
    expect(podDisposition(mirror as never, noPdb)).toEqual({ kind: 'skip' });
  });

  it('blocks on bare pods, kube-system pods without a PDB, local storage, safe-to-evict=false, exhausted PDBs', () => {
    expect(podDisposition(podObject({ name: 'bare' }) as never, noPdb)).toEqual({ kind: 'block', reason: 'default/bare is not replicated' });
    expect(podDisposition(rsPod({ name: 'dns', namespace: 'kube-system' }) as never, noPdb)).toEqual({ kind: 'block', reason: 'non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: dns' });
    expect(podDisposition(rsPod({ name: 'cache', volumes: [{ name: 'v', emptyDir: {} }] }) as never, noPdb)).toEqual({ kind: 'block', reason: 'pod with local storage present: cache' });
    const pinned = rsPod({ name: 'pinned' });
    pinned.metadata.annotations = { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' };
    expect(podDisposition(pinned as never, noPdb)).toEqual({ kind: 'block', reason: 'pod annotated as not safe to evict present: pinned' });
    const pdb = [{ matches: () => true, allowed: 0 }];
    expect(podDisposition(rsPod({ name: 'a' }) as never, pdb)).toEqual({ kind: 'block', reason: 'not enough pod disruption budget to move default/a' });
    // A kube-system pod with a PDB that allows a disruption may move.
    expect(podDisposition(rsPod({ name: 'dns', namespace: 'kube-system' }) as never, [{ matches: () => true, allowed: 1 }])).toEqual({ kind: 'move' });
  });
});

describe('removable nodes', () => {
  it('reports utilization as upstream prints it', () => {
    const s = ClusterSnapshot.fromObjects([worker('w1')], [rsPod({ name: 'a', requests: { cpu: '3', memory: '1Gi' }, nodeName: 'w1' })]);
    const u = utilizationOf(s.get('w1')!);
    expect(u).toEqual({ cpu: 0.75, memory: 0.125, resource: 'cpu', value: 0.75 });
    expect(utilizationString(u)).toBe('{0.75 0.125 0 cpu 0.75}');
  });

  it('removes under-used nodes whose pods fit elsewhere, and says why others stay', () => {
    const nodes = ['w1', 'w2', 'w3', 'w4'].map((n) => worker(n));
    const pods = [
      rsPod({ name: 'busy', requests: { cpu: '3' }, nodeName: 'w1' }),
      rsPod({ name: 'small', requests: { cpu: '500m' }, nodeName: 'w2' }),
      rsPod({ name: 'dns', namespace: 'kube-system', requests: { cpu: '100m' }, nodeName: 'w3' }),
      ds('kp-4', 'w4'),
    ];
    const verdicts = findRemovable({ snapshot: ClusterSnapshot.fromObjects(nodes, pods), checker: new PredicateChecker(ctx), candidates: ['w1', 'w2', 'w3', 'w4'], pdbs: [] });
    const by = Object.fromEntries(verdicts.map((v) => [v.node, v]));
    expect(by.w1.unremovable).toBe('NotUnderutilized');
    expect(by.w2.unremovable).toBeUndefined();
    expect(by.w2.podsToMove).toEqual(['default/small']);
    expect(by.w3.unremovable).toMatch(/kube-system pod present: dns/);
    expect(by.w4.unremovable).toBeUndefined();
    expect(by.w4.podsToMove).toEqual([]);
  });

  it('a node whose pods fit nowhere else stays', () => {
    const nodes = [worker('w1'), worker('w2')];
    const pods = [rsPod({ name: 'a', requests: { cpu: '1500m' }, nodeName: 'w1' }), rsPod({ name: 'b', requests: { cpu: '1900m' }, nodeName: 'w2' }), rsPod({ name: 'c', requests: { cpu: '1900m' }, nodeName: 'w2' })];
    const verdicts = findRemovable({ snapshot: ClusterSnapshot.fromObjects(nodes, pods), checker: new PredicateChecker(ctx), candidates: ['w1'], pdbs: [] });
    expect(verdicts[0].unremovable).toBe('NoPlaceToMovePods');
  });

  it('two nodes cannot both move onto the same room', () => {
    const nodes = [worker('w1'), worker('w2'), worker('w3')];
    const pods = [
      rsPod({ name: 'a', requests: { cpu: '1900m' }, nodeName: 'w1' }),
      rsPod({ name: 'b', requests: { cpu: '1900m' }, nodeName: 'w2' }),
      rsPod({ name: 'c', requests: { cpu: '1900m' }, nodeName: 'w3' }),
    ];
    const verdicts = findRemovable({ snapshot: ClusterSnapshot.fromObjects(nodes, pods), checker: new PredicateChecker(ctx), candidates: ['w1', 'w2', 'w3'], pdbs: [] });
    expect(verdicts.filter((v) => !v.unremovable).map((v) => v.node)).toEqual(['w1']);
  });
});
