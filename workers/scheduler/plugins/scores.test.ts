import { describe, it, expect } from 'vitest';
import { assign, node, pod, fakeHandle } from '../testing/fixtures';
import { CycleState, type PreScorePlugin, type ScorePlugin } from '../types';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import * as TaintToleration from './taintToleration';
import * as NodeAffinity from './nodeAffinity';
import * as NodeResourcesFit from './nodeResourcesFit';
import * as BalancedAllocation from './balancedAllocation';
import * as ImageLocality from './imageLocality';
import { defaultNormalizeScore } from '../helpers/normalizeScore';

/** PreScore, Score on each node, NormalizeScore: the plugin's 0..100 scores. */
function scores(plugin: Partial<PreScorePlugin> & ScorePlugin, p: PodInfo, nodes: NodeInfo[]): number[] | 'skip' {
  const state = new CycleState();
  if (plugin.preScore?.(state, p, nodes)?.code === 'Skip') return 'skip';
  const s = nodes.map((n) => plugin.score(state, p, n));
  plugin.normalizeScore?.(state, p, s, nodes);
  return s;
}

describe('score plugins', () => {
  it('DefaultNormalizeScore scales by the maximum with integer division, and reverses', () => {
    const s = [1, 2, 3];
    defaultNormalizeScore(100, false, s);
    expect(s).toEqual([33, 66, 100]);
    const r = [0, 1, 2];
    defaultNormalizeScore(100, true, r);
    expect(r).toEqual([100, 50, 0]);
    const z = [0, 0];
    defaultNormalizeScore(100, true, z);
    expect(z).toEqual([100, 100]);
  });

  it('TaintToleration prefers nodes with fewer intolerable PreferNoSchedule taints', () => {
    const soft = (key: string) => ({ key, effect: 'PreferNoSchedule' });
    const nodes = [node(), node({ taints: [soft('a')] }), node({ taints: [soft('a'), soft('b')] }), node({ taints: [{ key: 'a', effect: 'NoSchedule' }] })];
    expect(scores(TaintToleration.New(), pod(), nodes)).toEqual([100, 50, 0, 100]);
    expect(scores(TaintToleration.New(), pod({ tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }] }), nodes)).toEqual([100, 100, 0, 100]);
  });

  it('NodeAffinity sums the weights of matching preferred terms and normalises', () => {
    const p = pod({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 5, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } },
            { weight: 15, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
          ],
        },
      },
    });
    expect(scores(NodeAffinity.New(), p, [node(), node({ labels: { ssd: '' } }), node({ labels: { ssd: '', zone: 'a' } })])).toEqual([0, 25, 100]);
    expect(scores(NodeAffinity.New(), pod(), [node()])).toBe('skip');
  });

  it('NodeResourcesFit LeastAllocated counts 100m/200Mi for containers without requests', () => {
    const n = node({ cpu: '1', memory: '1000Mi' });
    // cpu (1000-100)*100/1000 = 90, memory (1000-200)*100/1000 = 80 → 85
    expect(scores(NodeResourcesFit.New(), pod(), [n])).toEqual([85]);
    const busy = assign(node({ cpu: '1', memory: '1000Mi' }), pod({ requests: { cpu: '500m', memory: '500Mi' } }));
    // cpu (1000-600)/1000 = 40, memory (1000-700)/1000 = 30 → 35
    expect(scores(NodeResourcesFit.New(), pod(), [busy])).toEqual([35]);
    expect(NodeResourcesFit.leastRequestedScore(2, 1)).toBe(0);
  });

  it('BalancedAllocation favours equal cpu and memory shares', () => {
    const n = node({ cpu: '4', memory: '4Gi' });
    expect(scores(BalancedAllocation.New(), pod({ requests: { cpu: '2', memory: '2Gi' } }), [n])).toEqual([100]);
    // fractions 0.5 and 0.25 → std 0.125 → 87
    expect(scores(BalancedAllocation.New(), pod({ requests: { cpu: '2', memory: '1Gi' } }), [n])).toEqual([87]);
    expect(BalancedAllocation.balancedScore([1, 2, 3], [2, 2, 3])).toBe(76);
  });

  it('ImageLocality scores by image size and spread', () => {
    expect(ImageLocality.normalizedImageName('nginx')).toBe('nginx:latest');
    expect(ImageLocality.normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(ImageLocality.normalizedImageName('nginx:1.27')).toBe('nginx:1.27');
    const withImage = node();
    const without = node();
    withImage.imageStates.set('nginx:1.27', { size: 500 * 1024 * 1024, nodes: new Set([withImage.name]) });
    // 500Mi × 1/2 of the nodes = 250Mi → 100 × (250-23)/(1000-23) = 23
    expect(scores(ImageLocality.New(fakeHandle([withImage, without])), pod({ image: 'nginx:1.27' }), [withImage, without])).toEqual([23, 0]);
    expect(ImageLocality.calculatePriority(5000 * 1024 * 1024, 1)).toBe(100);
  });
});

describe('scoreNodes', () => {
  it('gives, for every plugin that has it, exactly what score gives node by node', async () => {
    const PodTopologySpread = await import('./podTopologySpread');
    const web = { app: 'web' };
    const zoned = (name: string, z: string | undefined, extra: Parameters<typeof node>[0] = {}) =>
      node({ name, ...extra, labels: { ...(z ? { 'topology.kubernetes.io/zone': z } : {}), ...(extra.labels ?? {}) } });
    const nodes = [
      assign(zoned('a', 'z1', { cpu: '2', memory: '4Gi' }), pod({ labels: web, requests: { cpu: '500m' } }), pod({ labels: web })),
      assign(zoned('b', 'z1', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), pod({ labels: { app: 'db' }, requests: { cpu: '1', memory: '1Gi' } })),
      zoned('c', 'z2', { cpu: '0' }),
      zoned('d', undefined, { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'y', effect: 'PreferNoSchedule' }] }),
      assign(zoned('e', 'z2', { memory: '0' }), pod({ labels: web, requests: { memory: '100Mi' } })),
    ];
    // As the cache shares them: one summary per image, naming the nodes that hold it.
    const nginx = { size: 600 * 1024 * 1024, nodes: new Set(['a', 'c']) };
    nodes[0].imageStates.set('nginx:1.27', nginx);
    nodes[2].imageStates.set('nginx:1.27', nginx);
    const spread = { maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' as const, labelSelector: { matchLabels: web } };
    const pods = [
      pod({ labels: web, requests: { cpu: '250m', memory: '512Mi' }, image: 'nginx:1.27' }),
      pod({ labels: web, tolerations: [{ key: 'x', operator: 'Exists' }], topologySpreadConstraints: [{ ...spread, topologyKey: 'topology.kubernetes.io/zone' }, { ...spread, topologyKey: 'kubernetes.io/hostname' }] }),
      pod({ labels: web, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true }] }),
    ];
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: web } } };
    const h = fakeHandle(nodes, { replicasets: [rs] });
    const plugins: (Partial<PreScorePlugin> & ScorePlugin)[] = [TaintToleration.New(), NodeResourcesFit.New(), BalancedAllocation.New(), ImageLocality.New(h), PodTopologySpread.New(h)];
    let compared = 0;
    for (const plugin of plugins) {
      expect(plugin.scoreNodes, plugin.name).toBeDefined();
      for (const p of pods) {
        const state = new CycleState();
        if (plugin.preScore?.(state, p, nodes)?.code === 'Skip') continue;
        const one = nodes.map((n) => plugin.score(state, p, n));
        const all: number[] = new Array(nodes.length);
        plugin.scoreNodes!(state, p, nodes, all);
        expect(all, `${plugin.name} ${p.name}`).toEqual(one);
        if (new Set(one).size > 1) compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12); // the fixtures tell nodes apart for most plugins and pods
  });
});
