import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { Pod } from '../replicaset/types';
import { startStatefulSetController } from './controller';
import type { StatefulSet } from './types';
import { bind, create, events, finishTerminating, get, list, livePods, patch, setPhase, settle, workloadCluster } from './testing';
import { parentAndOrdinal } from './utils';
import { goMarshalSorted, hashControllerRevision, templatePatch } from '../history';

function web(replicas: number, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'nginx',
      replicas,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

/** Mark every pending pod of the set Running and Ready, one round. */
function readyAll(c: Awaited<ReturnType<typeof workloadCluster>>['c']): void {
  for (const p of livePods(c)) {
    if (p.status?.phase === 'Running') continue;
    if (!p.spec?.nodeName) bind(c, p, 'worker-1');
    setPhase(c, p, 'Running');
  }
  settle(c);
}

describe('StatefulSet controller', () => {
  it('creates pods one at a time in ordinal order, each waiting for the previous to be Ready', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(3));
    settle(c);
    expect(names(livePods(c))).toEqual(['web-0']);
    settle(c, 60_000);
    expect(names(livePods(c))).toEqual(['web-0']); // web-0 is not Ready: OrderedReady waits
    readyAll(c);
    expect(names(livePods(c))).toEqual(['web-0', 'web-1']);
    readyAll(c);
    readyAll(c);
    expect(names(livePods(c))).toEqual(['web-0', 'web-1', 'web-2']);

    const p = livePods(c)[1];
    expect(p.spec?.hostname).toBe('web-1');
    expect(p.spec?.subdomain).toBe('nginx');
    expect(p.metadata.generateName).toBe('web-');
    expect(p.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-1');
    expect(p.metadata.labels?.['apps.kubernetes.io/pod-index']).toBe('1');
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });

    const set = get<StatefulSet>(c, 'apps', 'statefulsets', 'web');
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1, collisionCount: 0 });
    expect(set.status?.currentRevision).toBe(set.status?.updateRevision);
    expect(p.metadata.labels?.['controller-revision-hash']).toBe(set.status?.updateRevision);
    const revs = list(c, 'apps', 'controllerrevisions');
    expect(revs).toHaveLength(1);
    expect(revs[0].metadata.name).toBe(set.status?.updateRevision);
    expect(revs[0].revision).toBe(1);

    const evs = events(c, 'web').map((e) => `${e.reason} ${e.message}`);
    expect(evs).toContain('SuccessfulCreate create Pod web-0 in StatefulSet web successful');
    expect(evs).toContain('SuccessfulCreate create Pod web-2 in StatefulSet web successful');
    expect(events(c, 'web')[0].source.component).toBe('statefulset-controller');
  });

  it('creates all pods at once with Parallel pod management', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(3, { podManagementPolicy: 'Parallel' }));
    settle(c);
    expect(names(livePods(c))).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal, one at a time', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(3));
    for (let i = 0; i < 3; i++) {
      settle(c);
      readyAll(c);
    }
    expect(names(livePods(c))).toHaveLength(3);
    patch(c, 'apps', 'statefulsets', 'web', { spec: { replicas: 1 } });
    settle(c);
    finishTerminating(c);
    settle(c);
    // web-2 goes first; web-1 only once web-2 is gone.
    const afterFirst = names(livePods(c));
    expect(afterFirst).not.toContain('web-2');
    finishTerminating(c);
    settle(c);
    finishTerminating(c);
    settle(c);
    expect(names(livePods(c))).toEqual(['web-0']);
    const deletes = events(c, 'web').filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletes).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
  });

  it('creates claims from volumeClaimTemplates before the pod and mounts them', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(
      c,
      'statefulsets',
      web(2, {
        podManagementPolicy: 'Parallel',
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
        },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      }),
    );
    settle(c);
    const pvcs = list(c, '', 'persistentvolumeclaims').map((p) => p.metadata.name).sort();
    expect(pvcs).toEqual(['www-web-0', 'www-web-1']);
    const pvc = get(c, '', 'persistentvolumeclaims', 'www-web-0');
    expect(pvc.metadata.labels).toEqual({ app: 'nginx' });
    const pod = get<Pod>(c, '', 'pods', 'web-0');
    expect(pod.spec?.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const evs = events(c, 'web').map((e) => e.message);
    expect(evs).toContain('create Claim www-web-0 Pod web-0 in StatefulSet web success');
    expect(evs.indexOf('create Claim www-web-0 Pod web-0 in StatefulSet web success')).toBeLessThan(evs.indexOf('create Pod web-0 in StatefulSet web successful'));
  });

  it('rolls out a template change from the highest ordinal down to the partition', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    for (let i = 0; i < 3; i++) {
      settle(c);
      readyAll(c);
    }
    const before = get<StatefulSet>(c, 'apps', 'statefulsets', 'web').status!.currentRevision!;
    patch(c, 'apps', 'statefulsets', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    settle(c);
    const mid = get<StatefulSet>(c, 'apps', 'statefulsets', 'web');
    expect(mid.status?.updateRevision).not.toBe(before);
    expect(mid.status?.currentRevision).toBe(before);
    // web-2 was deleted for the update and comes back at the new revision once gone.
    finishTerminating(c);
    settle(c);
    readyAll(c);
    finishTerminating(c);
    settle(c);
    readyAll(c);
    finishTerminating(c);
    settle(c);
    readyAll(c);
    const pods = livePods(c);
    const image = (n: string) => pods.find((p) => p.metadata.name === n)?.spec?.containers[0].image;
    expect(image('web-2')).toBe('nginx:1.28');
    expect(image('web-1')).toBe('nginx:1.28');
    expect(image('web-0')).toBe('nginx:1.27'); // below the partition
    const set = get<StatefulSet>(c, 'apps', 'statefulsets', 'web');
    expect(set.status).toMatchObject({ replicas: 3, updatedReplicas: 2, currentReplicas: 1 });
    expect(list(c, 'apps', 'controllerrevisions')).toHaveLength(2);
  });

  it('leaves pods alone with OnDelete until they are deleted', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(1, { updateStrategy: { type: 'OnDelete' } }));
    settle(c);
    readyAll(c);
    patch(c, 'apps', 'statefulsets', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    settle(c, 10_000);
    expect(livePods(c)[0].spec?.containers[0].image).toBe('nginx:1.27');
  });

  it('replaces a failed pod with the same name', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    create(c, 'statefulsets', web(1));
    settle(c);
    const first = livePods(c)[0];
    bind(c, first, 'worker-1');
    setPhase(c, first, 'Failed');
    settle(c);
    finishTerminating(c);
    settle(c);
    const again = livePods(c);
    expect(names(again)).toEqual(['web-0']);
    expect(again[0].metadata.uid).not.toBe(first.metadata.uid);
  });

  it('ignores sets whose selector does not parse and pods that are not members', async () => {
    const { c } = await workloadCluster(startStatefulSetController);
    // An orphan pod matching the selector but named like no ordinal of the set is not adopted.
    create(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
    create(c, 'statefulsets', web(1));
    settle(c);
    expect(get<Pod>(c, '', 'pods', 'stray').metadata.ownerReferences).toBeUndefined();
    expect(parentAndOrdinal('stray').ordinal).toBe(-1);
    expect(parentAndOrdinal('web-12')).toEqual({ parent: 'web', ordinal: 12 });
  });
});

describe('ControllerRevision hashing', () => {
  it('marshals like Go maps: sorted keys, HTML escaped', () => {
    expect(goMarshalSorted({ b: 1, a: { d: '<x>', c: null } })).toBe('{"a":{"c":null,"d":"\\u003cx\\u003e"},"b":1}');
  });
  it('depends on the template and the collision count', () => {
    const a = templatePatch({ metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'x', image: 'nginx' }] } });
    const b = templatePatch({ metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'x', image: 'nginx' }] } });
    expect(hashControllerRevision(a, 0)).not.toBe(hashControllerRevision(b, 0));
    expect(hashControllerRevision(a, 0)).not.toBe(hashControllerRevision(a, 1));
    expect(hashControllerRevision(a, 0)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });
});
