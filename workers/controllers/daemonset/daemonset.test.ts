import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/object';
import type { Cluster } from '../../cluster';
import type { Pod } from '../replicaset/types';
import { bind, create, events, finishTerminating, get, list, livePods, patch, patchClusterScoped, setPhase, settle, workloadCluster } from '../statefulset/testing';
import { startDaemonSetController } from './controller';
import { nodeShouldRunDaemonPod, replaceNodeNameAffinity, targetNodeName } from './nodePlacement';
import type { DaemonSet, Node } from './types';

function agent(spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }], ...podSpec } },
      ...spec,
    },
  };
}

/** Act as scheduler and kubelet: bind each pending daemon pod to its target node and make it Ready. */
function runAll(c: Cluster, namespace = 'default'): void {
  for (const p of livePods(c, namespace)) {
    if (p.status?.phase === 'Running') continue;
    if (!p.spec?.nodeName) bind(c, p, targetNodeName(p)!);
    setPhase(c, p, 'Running');
  }
  settle(c);
}

const nodesOf = (pods: Pod[]) => pods.map((p) => targetNodeName(p)).sort();

describe('DaemonSet controller', () => {
  it('runs one pod per worker, aimed at its node, not on the tainted control plane', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    create(c, 'daemonsets', agent());
    settle(c);
    const pods = livePods(c);
    expect(nodesOf(pods)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const p = pods[0];
    expect(p.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNodeName(p)] }] },
    ]);
    expect(p.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(p.metadata.labels?.['pod-template-generation']).toBe('1');
    expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    const revs = list(c, 'apps', 'controllerrevisions');
    expect(revs).toHaveLength(1);
    expect(revs[0].metadata.name).toBe(`agent-${p.metadata.labels?.['controller-revision-hash']}`);

    const created = events(c, 'agent').filter((e) => e.reason === 'SuccessfulCreate');
    expect(created).toHaveLength(3);
    expect(created[0].message).toMatch(/^Created pod: agent-[a-z0-9]{5}$/);
    expect(created[0].source.component).toBe('daemonset-controller');

    let ds = get<DaemonSet>(c, 'apps', 'daemonsets', 'agent');
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 3, numberUnavailable: 3, observedGeneration: 1 });
    runAll(c);
    ds = get<DaemonSet>(c, 'apps', 'daemonsets', 'agent');
    expect(ds.status).toMatchObject({ numberReady: 3, numberAvailable: 3 });
    expect(ds.status?.numberUnavailable).toBeUndefined();
  });

  it('runs the corpus fluentd DaemonSet on all four nodes, control plane included', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    const doc = parse(readFileSync('/work/shared/corpus/manifests/controllers__fluentd-daemonset.yaml', 'utf8')) as KubeObject;
    create(c, 'daemonsets', doc, 'kube-system');
    settle(c);
    const pods = livePods(c, 'kube-system', 'app.kubernetes.io/name=fluentd-elasticsearch');
    expect(nodesOf(pods)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    // The template's own tolerations come first, the daemon defaults after.
    expect(pods[0].spec?.tolerations?.[0]).toEqual({ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' });
    expect(get<DaemonSet>(c, 'apps', 'daemonsets', 'fluentd-elasticsearch', 'kube-system').status?.desiredNumberScheduled).toBe(4);
  });

  it('rolls out a new template one node at a time (maxUnavailable 1)', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    create(c, 'daemonsets', agent());
    settle(c);
    runAll(c);
    const before = livePods(c).map((p) => p.metadata.name);
    patch(c, 'apps', 'daemonsets', 'agent', { spec: { template: { spec: { containers: [{ name: 'agent', image: 'busybox:1.37' }] } } } });
    settle(c);
    // Exactly one old pod is taken down first.
    const terminating = list<Pod>(c, '', 'pods').filter((p) => p.metadata.deletionTimestamp);
    const live = livePods(c);
    expect(terminating.length + (3 - live.filter((p) => before.includes(p.metadata.name)).length)).toBeGreaterThanOrEqual(1);
    expect(live.filter((p) => before.includes(p.metadata.name))).toHaveLength(2);
    for (let i = 0; i < 6; i++) {
      finishTerminating(c);
      settle(c);
      runAll(c);
    }
    const after = livePods(c);
    expect(after).toHaveLength(3);
    expect(after.every((p) => p.spec?.containers[0].image === 'busybox:1.37')).toBe(true);
    const ds = get<DaemonSet>(c, 'apps', 'daemonsets', 'agent');
    expect(ds.status).toMatchObject({ updatedNumberScheduled: 3, numberReady: 3, observedGeneration: 2 });
    expect(list(c, 'apps', 'controllerrevisions')).toHaveLength(2);
  });

  it('removes pods from nodes that stop matching the nodeSelector', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    patchClusterScoped(c, '', 'nodes', 'worker-1', { metadata: { labels: { disk: 'ssd' } } });
    create(c, 'daemonsets', agent({}, { nodeSelector: { disk: 'ssd' } }));
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['worker-1']);
    patchClusterScoped(c, '', 'nodes', 'worker-2', { metadata: { labels: { disk: 'ssd' } } });
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['worker-1', 'worker-2']);
    patchClusterScoped(c, '', 'nodes', 'worker-1', { metadata: { labels: { disk: null } } });
    settle(c);
    finishTerminating(c);
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['worker-2']);
    expect(events(c, 'agent').some((e) => e.reason === 'SuccessfulDelete' && /^Deleted pod: agent-/.test(e.message))).toBe(true);
  });

  it('replaces a failed daemon pod and says so', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    create(c, 'daemonsets', agent({}, { nodeSelector: { 'kubernetes.io/hostname': 'worker-3' } }));
    settle(c);
    const [p] = livePods(c);
    bind(c, p, 'worker-3');
    setPhase(c, p, 'Failed');
    settle(c);
    finishTerminating(c);
    settle(c);
    const now = livePods(c);
    expect(now).toHaveLength(1);
    expect(now[0].metadata.uid).not.toBe(p.metadata.uid);
    expect(events(c, 'agent').some((e) => e.reason === 'FailedDaemonPod' && e.message === `Found failed daemon pod default/${p.metadata.name} on node worker-3, will try to kill it`)).toBe(true);
  });

  it('keeps a pod on a node tainted NoSchedule afterwards, and counts it misscheduled', async () => {
    const { c } = await workloadCluster(startDaemonSetController);
    create(c, 'daemonsets', agent());
    settle(c);
    runAll(c);
    patchClusterScoped(c, '', 'nodes', 'worker-2', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(get<DaemonSet>(c, 'apps', 'daemonsets', 'agent').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 1 });
    // NoExecute is not tolerated: the pod goes.
    patchClusterScoped(c, '', 'nodes', 'worker-2', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } });
    settle(c);
    finishTerminating(c);
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['worker-1', 'worker-3']);
  });
});

describe('daemon pod placement', () => {
  const node = (name: string, extra: Record<string, unknown> = {}): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: extra });
  const ds = agent() as DaemonSet;

  it('skips untolerated NoSchedule taints but keeps pods that tolerate NoExecute ones', () => {
    expect(nodeShouldRunDaemonPod(node('a'), ds)).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('a', { taints: [{ key: 'x', effect: 'NoSchedule' }] }), ds)).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('a', { taints: [{ key: 'x', effect: 'NoExecute' }] }), ds)).toEqual({ shouldRun: false, shouldContinueRunning: false });
    // Default tolerations cover unschedulable and not-ready nodes.
    expect(nodeShouldRunDaemonPod(node('a', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), ds).shouldRun).toBe(true);
  });

  it('replaces only the required terms of an existing affinity', () => {
    const a = replaceNodeNameAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists' }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'p', operator: 'Exists' }] } }],
        },
      },
      'n1',
    );
    expect(a.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }]);
    expect(a.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });
});
