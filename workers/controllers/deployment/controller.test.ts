import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import { startReplicaSetController } from '../replicaset';
import { isPodReady } from '../replicaset/podUtil';
import { clusterWith, create, deployment, events, finishTerminating, get, list, livePods, markReady, NS, ok, settle } from '../replicaset/testing';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import { startDeploymentController } from './controller';
import { computeHash } from './podTemplateHash';

const both = () => clusterWith(startDeploymentController, startReplicaSetController);
const rss = (c: Cluster) => list<ReplicaSet>(c, 'apps', 'replicasets').sort((a, b) => (a.metadata.creationTimestamp! + a.metadata.name! < b.metadata.creationTimestamp! + b.metadata.name! ? -1 : 1));
const dep = (c: Cluster, name = 'web') => get<Deployment>(c, 'apps', 'deployments', name);
const cond = (d: Deployment, type: string) => d.status?.conditions?.find((x) => x.type === type);

/** A stand-in kubelet: every live pod that is not Ready becomes Ready now. */
function readyAll(c: Cluster): void {
  markReady(
    c,
    livePods(c).filter((p) => !isPodReady(p)),
  );
}

function patch(c: Cluster, resource: string, name: string, body: unknown, contentType = 'application/strategic-merge-patch+json') {
  return ok(c.as('test')({ verb: 'patch', group: 'apps', version: 'v1', resource, namespace: NS, name, contentType, body }));
}

const setImage = (c: Cluster, image: string, name = 'web') => patch(c, 'deployments', name, { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } });

/** Run until `done`, acting as kubelet after every task. */
function runWithKubelet(c: Cluster, done: () => boolean, check?: () => void, limit = 5000): void {
  for (let i = 0; i < limit && !done(); i++) {
    if (c.clock.pending() === 0) c.clock.advanceTo(c.clock.now() + 1000);
    c.clock.step();
    check?.();
    readyAll(c);
    check?.();
  }
  expect(done()).toBe(true);
}

const complete = (c: Cluster, n: number, name = 'web') => {
  const d = dep(c, name);
  const s = d.status ?? {};
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && s.updatedReplicas === n && s.replicas === n && s.availableReplicas === n;
};

describe('Deployment controller', () => {
  it('creates a ReplicaSet named after the template hash, and its pods', async () => {
    const { c, controllers } = await both();
    const d = create(c, 'deployments', deployment('web', 3)) as Deployment;
    settle(c);
    const [rs] = rss(c);
    const hash = computeHash(d.spec.template);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const ps = livePods(c);
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.metadata.name!.startsWith(`web-${hash}-`) && p.metadata.labels?.['pod-template-hash'] === hash)).toBe(true);
    const scaling = events(c, 'web').filter((e) => e.reason === 'ScalingReplicaSet');
    expect(scaling.map((e) => e.message)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(scaling[0].source.component).toBe('deployment-controller');
    expect(controllers[0].lastDecision(`${NS}/web`)).toMatchObject({ newRS: `web-${hash}` });

    const s0 = dep(c).status!;
    expect(s0).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(cond(dep(c), 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(cond(dep(c), 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "web-${hash}" is progressing.` });

    readyAll(c);
    settle(c);
    const done = dep(c);
    expect(done.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(done.status?.unavailableReplicas).toBeUndefined();
    expect(cond(done, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(cond(done, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
  });

  it('rolls out a new template within maxSurge and maxUnavailable at every step', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 4, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    runWithKubelet(c, () => complete(c, 4));
    const [first] = rss(c);
    setImage(c, 'nginx:1.28');
    let sawBoth = false;
    runWithKubelet(
      c,
      () => complete(c, 4) && rss(c).every((rs) => rs.metadata.name === first.metadata.name ? (rs.spec.replicas ?? 0) === 0 : true),
      () => {
        const sets = rss(c);
        const total = sets.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
        expect(total).toBeLessThanOrEqual(5);
        const ready = livePods(c).filter(isPodReady).length;
        expect(ready).toBeGreaterThanOrEqual(3);
        if (sets.length === 2 && sets.every((rs) => (rs.spec.replicas ?? 0) > 0)) sawBoth = true;
      },
    );
    expect(sawBoth).toBe(true);
    const sets = rss(c);
    expect(sets).toHaveLength(2);
    expect(sets[0].spec.replicas).toBe(0);
    expect(sets[1].spec.replicas).toBe(4);
    expect(sets[1].metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const msgs = events(c, 'web').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(msgs).toContain(`Scaled up replica set ${sets[1].metadata.name} from 0 to 1`);
    expect(msgs.some((m) => m.startsWith(`Scaled down replica set ${first.metadata.name} from 4 to `))).toBe(true);
  });

  it('with maxSurge 0 never runs more pods than wanted', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 3, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }));
    runWithKubelet(c, () => complete(c, 3));
    setImage(c, 'nginx:1.28');
    runWithKubelet(
      c,
      () => complete(c, 3) && rss(c).length === 2 && (rss(c)[0].spec.replicas ?? 0) === 0,
      () => {
        expect(rss(c).reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0)).toBeLessThanOrEqual(3);
        expect(livePods(c).filter(isPodReady).length).toBeGreaterThanOrEqual(2);
      },
    );
  });

  it('Recreate scales the old ReplicaSet to zero and creates the new one only once its pods are gone', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 2, { strategy: { type: 'Recreate' } }));
    settle(c);
    // Bound pods terminate gracefully: they linger until the "kubelet" finishes them.
    markReady(c, livePods(c), { node: 'worker-1' });
    settle(c);
    expect(complete(c, 2)).toBe(true);
    const [old] = rss(c);
    setImage(c, 'nginx:1.28');
    settle(c);
    expect(rss(c)).toHaveLength(1);
    expect(rss(c)[0].spec.replicas).toBe(0);
    expect(list(c, '', 'pods').length).toBe(2); // terminating
    finishTerminating(c);
    settle(c);
    const sets = rss(c);
    expect(sets).toHaveLength(2);
    const fresh = sets.find((rs) => rs.metadata.name !== old.metadata.name)!;
    expect(fresh.spec.replicas).toBe(2);
    const msgs = events(c, 'web').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(msgs).toEqual([`Scaled up replica set ${old.metadata.name} from 0 to 2`, `Scaled down replica set ${old.metadata.name} from 2 to 0`, `Scaled up replica set ${fresh.metadata.name} from 0 to 2`]);
  });

  it('rolls back like kubectl rollout undo: the old ReplicaSet comes back with a new revision', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 2));
    runWithKubelet(c, () => complete(c, 2));
    setImage(c, 'nginx:1.28');
    runWithKubelet(c, () => complete(c, 2) && rss(c)[0].spec.replicas === 0);
    const [v1, v2] = rss(c);
    // kubectl 1.32: a JSON patch putting revision 1's template (minus the hash label) back.
    const template = structuredClone(v1.spec.template!);
    delete template.metadata!.labels!['pod-template-hash'];
    ok(c.as('kubectl')({ verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: NS, name: 'web', contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/spec/template', value: { ...template, metadata: { ...template.metadata, creationTimestamp: null } } }] }));
    runWithKubelet(c, () => complete(c, 2) && rss(c).find((r) => r.metadata.name === v2.metadata.name)!.spec.replicas === 0);
    const sets = rss(c);
    expect(sets).toHaveLength(2);
    const back = sets.find((r) => r.metadata.name === v1.metadata.name)!;
    expect(back.spec.replicas).toBe(2);
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('rolls back through the deprecated rollback annotation with a DeploymentRollback event', async () => {
    const { c, controllers } = await both();
    create(c, 'deployments', deployment('web', 1));
    runWithKubelet(c, () => complete(c, 1));
    setImage(c, 'nginx:1.28');
    runWithKubelet(c, () => complete(c, 1) && rss(c)[0].spec.replicas === 0);
    patch(c, 'deployments', 'web', { metadata: { annotations: { 'deprecated.deployment.rollback.to': '0' } } });
    settle(c);
    expect(events(c, 'web').map((e) => e.message)).toContain('Rolled back deployment "web" to revision 1');
    expect(dep(c).metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    expect((dep(c).spec.template.spec?.containers[0].image)).toBe('nginx:1.27');
    expect(controllers[0].lastDecision(`${NS}/web`)?.error).toBeUndefined();

    patch(c, 'deployments', 'web', { metadata: { annotations: { 'deprecated.deployment.rollback.to': '42' } } });
    settle(c);
    const warn = events(c, 'web').find((e) => e.reason === 'DeploymentRollbackRevisionNotFound');
    expect(warn).toMatchObject({ type: 'Warning', message: 'Unable to find the revision to rollback to.' });
  });

  it('does not roll out while paused, but still scales, and resumes', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 2));
    runWithKubelet(c, () => complete(c, 2));
    patch(c, 'deployments', 'web', { spec: { paused: true } });
    settle(c);
    expect(cond(dep(c), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(c, 'nginx:1.28');
    patch(c, 'deployments', 'web', { spec: { replicas: 3 } });
    settle(c, 5000);
    expect(rss(c)).toHaveLength(1);
    expect(rss(c)[0].spec.replicas).toBe(3);
    patch(c, 'deployments', 'web', { spec: { paused: false } });
    settle(c);
    expect(rss(c)).toHaveLength(2);
    runWithKubelet(c, () => complete(c, 3) && rss(c)[0].spec.replicas === 0);
    expect(events(c, 'web').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message)).toContain(`Scaled up replica set ${rss(c)[0].metadata.name} from 2 to 3`);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 1, { revisionHistoryLimit: 1 }));
    runWithKubelet(c, () => complete(c, 1));
    for (const tag of ['1.28', '1.29', '1.30']) {
      setImage(c, `nginx:${tag}`);
      runWithKubelet(c, () => complete(c, 1) && rss(c).filter((r) => (r.spec.replicas ?? 0) > 0).length === 1 && rss(c).length <= 2);
    }
    settle(c, 1000);
    const sets = rss(c);
    expect(sets).toHaveLength(2);
    expect(sets.map((r) => r.spec.template?.spec?.containers[0].image).sort()).toEqual(['nginx:1.29', 'nginx:1.30']);
  });

  it('reports ProgressDeadlineExceeded when pods never become available', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 2, { progressDeadlineSeconds: 30 }));
    settle(c, 20_000);
    expect(cond(dep(c), 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    settle(c, 15_000);
    const rsName = rss(c)[0].metadata.name;
    expect(cond(dep(c), 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` });
  });

  it('scales proportionally when resized in the middle of a rollout', async () => {
    const { c } = await both();
    create(c, 'deployments', deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    runWithKubelet(c, () => complete(c, 10));
    setImage(c, 'nginx:does-not-become-ready');
    settle(c); // no kubelet: the new pods stay unready
    const before = rss(c).map((r) => r.spec.replicas);
    expect(before).toEqual([8, 5]);
    patch(c, 'deployments', 'web', { spec: { replicas: 20 } });
    settle(c);
    const after = rss(c).map((r) => r.spec.replicas ?? 0);
    // 13 of 23 allowed: the 10 extra go 8 → 14 and 5 → 9 (leftovers to the biggest).
    expect(after.reduce((a, b) => a + b, 0)).toBe(23);
    expect(after).toEqual([14, 9]);
  });
});
