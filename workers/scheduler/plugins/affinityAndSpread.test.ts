import { describe, it, expect } from 'vitest';
import { assign, fakeHandle, node, pod } from '../testing/fixtures';
import { CycleState } from '../types';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import * as InterPodAffinity from './interPodAffinity';
import * as PodTopologySpread from './podTopologySpread';

const zone = (name: string, z: string) => node({ name, labels: { 'topology.kubernetes.io/zone': z } });

function filterAll(plugin: ReturnType<typeof InterPodAffinity.New> | ReturnType<typeof PodTopologySpread.New>, p: PodInfo, nodes: NodeInfo[]) {
  const state = new CycleState();
  const pre = plugin.preFilter(state, p, nodes);
  if (pre.status?.code === 'Skip') return 'skip';
  return nodes.map((n) => plugin.filter(state, p, n)?.reasons[0] ?? 'ok');
}

function scoreAll(plugin: ReturnType<typeof InterPodAffinity.New> | ReturnType<typeof PodTopologySpread.New>, p: PodInfo, nodes: NodeInfo[]) {
  const state = new CycleState();
  if (plugin.preScore(state, p, nodes)?.code === 'Skip') return 'skip';
  const s = nodes.map((n) => plugin.score(state, p, n));
  plugin.normalizeScore!(state, p, s, nodes);
  return s;
}

const term = (labels: Record<string, string>, topologyKey = 'topology.kubernetes.io/zone') => ({ labelSelector: { matchLabels: labels }, topologyKey });

describe('InterPodAffinity', () => {
  it('skips pods without affinity when no placed pod has anti-affinity', () => {
    const nodes = [assign(zone('a', 'z1'), pod({ labels: { app: 'db' } }))];
    expect(filterAll(InterPodAffinity.New(fakeHandle(nodes)), pod(), nodes)).toBe('skip');
  });

  it('required affinity: only the zone with a matching pod', () => {
    const nodes = [assign(zone('a', 'z1'), pod({ labels: { app: 'db' } })), zone('b', 'z1'), zone('c', 'z2'), node({ name: 'nolabel' })];
    const p = pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } });
    expect(filterAll(InterPodAffinity.New(fakeHandle(nodes)), p, nodes)).toEqual(['ok', 'ok', InterPodAffinity.ErrReasonAffinityRulesNotMatch, InterPodAffinity.ErrReasonAffinityRulesNotMatch]);
  });

  it('required affinity to itself lets the first pod of a group anywhere', () => {
    const nodes = [zone('a', 'z1'), zone('b', 'z2')];
    const p = pod({ labels: { app: 'web' }, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } });
    expect(filterAll(InterPodAffinity.New(fakeHandle(nodes)), p, nodes)).toEqual(['ok', 'ok']);
  });

  it('required anti-affinity of the pod and of placed pods', () => {
    const guard = pod({ labels: { app: 'guard' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, 'kubernetes.io/hostname')] } } });
    const nodes = [assign(zone('a', 'z1'), pod({ labels: { app: 'web' } })), assign(zone('b', 'z1'), guard), zone('c', 'z2')];
    const p = pod({ labels: { app: 'web' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, 'kubernetes.io/hostname')] } } });
    expect(filterAll(InterPodAffinity.New(fakeHandle(nodes)), p, nodes)).toEqual([
      InterPodAffinity.ErrReasonAntiAffinityRulesNotMatch,
      InterPodAffinity.ErrReasonExistingAntiAffinityRulesNotMatch,
      'ok',
    ]);
  });

  it('preferred affinity scores the zone holding matching pods highest', () => {
    const nodes = [assign(zone('a', 'z1'), pod({ labels: { app: 'cache' } })), zone('b', 'z1'), zone('c', 'z2')];
    const p = pod({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'cache' }) }] } } });
    expect(scoreAll(InterPodAffinity.New(fakeHandle(nodes)), p, nodes)).toEqual([100, 100, 0]);
    expect(scoreAll(InterPodAffinity.New(fakeHandle(nodes)), pod(), nodes)).toBe('skip');
  });
});

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number, when: 'DoNotSchedule' | 'ScheduleAnyway', key = 'topology.kubernetes.io/zone') => ({
    maxSkew,
    topologyKey: key,
    whenUnsatisfiable: when,
    labelSelector: { matchLabels: { app: 'web' } },
  });
  const web = () => pod({ labels: { app: 'web' } });

  it('DoNotSchedule keeps the skew within maxSkew', () => {
    const nodes = [assign(zone('a', 'z1'), web(), web()), zone('b', 'z2'), node({ name: 'bare' })];
    const p = pod({ labels: { app: 'web' }, topologySpreadConstraints: [spread(1, 'DoNotSchedule')] });
    expect(filterAll(PodTopologySpread.New(fakeHandle(nodes)), p, nodes)).toEqual([
      PodTopologySpread.ErrReasonConstraintsNotMatch,
      'ok',
      PodTopologySpread.ErrReasonNodeLabelNotMatch,
    ]);
  });

  it('pods without constraints or owners skip spreading', () => {
    const nodes = [zone('a', 'z1')];
    expect(filterAll(PodTopologySpread.New(fakeHandle(nodes)), web(), nodes)).toBe('skip');
    expect(scoreAll(PodTopologySpread.New(fakeHandle(nodes)), web(), nodes)).toBe('skip');
  });

  it('ScheduleAnyway scores emptier domains higher', () => {
    const nodes = [assign(zone('a', 'z1'), web(), web()), assign(zone('b', 'z2'), web()), zone('c', 'z3')];
    const p = pod({ labels: { app: 'web' }, topologySpreadConstraints: [spread(1, 'ScheduleAnyway')] });
    const s = scoreAll(PodTopologySpread.New(fakeHandle(nodes)), p, nodes) as number[];
    expect(s[2]).toBe(100);
    expect(s[0]).toBeLessThan(s[1]);
  });

  it('system defaults spread the pods of a ReplicaSet by hostname', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs', controller: true }];
    const nodes = [assign(zone('a', 'z1'), web(), web()), zone('b', 'z1')];
    const p = pod({ labels: { app: 'web' }, ownerReferences: owner });
    const s = scoreAll(PodTopologySpread.New(fakeHandle(nodes, { replicasets: [rs] })), p, nodes) as number[];
    expect(s[1]).toBe(100);
    expect(s[0]).toBeLessThan(100);
  });
});
