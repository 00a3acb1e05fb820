import { describe, expect, it } from 'vitest';
import { startReplicationControllerController } from './replicationcontroller';
import { clusterWith, create, events, get, livePods, markReady, NS, ok, settle } from './replicaset/testing';
import type { ReplicaOwner } from './replicaset/types';

const rc = (replicas: number) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'guestbook', namespace: NS },
  spec: { replicas, selector: { app: 'guestbook' }, template: { metadata: { labels: { app: 'guestbook' } }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/guestbook:v3' }] } } },
});

describe('ReplicationController controller', () => {
  it('keeps the RC replicas running through the ReplicaSet logic', async () => {
    const { c, controllers } = await clusterWith(startReplicationControllerController);
    const made = create(c, 'replicationcontrollers', rc(3));
    settle(c);
    const ps = livePods(c);
    expect(ps).toHaveLength(3);
    expect(ps[0].metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'guestbook', uid: made.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const evs = events(c, 'guestbook');
    expect(evs.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
    expect(evs.every((e) => e.source.component === 'replication-controller' && e.involvedObject.kind === 'ReplicationController')).toBe(true);
    markReady(c, ps);
    settle(c);
    expect(get<ReplicaOwner>(c, '', 'replicationcontrollers', 'guestbook').status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });

    ok(c.as('test')({ verb: 'patch', group: '', version: 'v1', resource: 'replicationcontrollers', namespace: NS, name: 'guestbook', contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } } }));
    settle(c);
    expect(livePods(c)).toHaveLength(1);
    expect(controllers[0].lastDecision(`${NS}/guestbook`)).toMatchObject({ want: 1, have: 1 });
  });
});
