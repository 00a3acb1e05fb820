import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { storageObjectInUseProtection } from '../../api/admission/storage-object-in-use-protection';
import type { AdmissionRequest } from '../../api/admission/types';
import { create, del, get, pv, pvc, run, runUntil, storageCluster } from './testing/cluster';

type Obj = KubeObject & { status?: { phase?: string } };

const podUsing = (name: string, claim: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'nginx:1.27' }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] },
  }) as KubeObject;

describe('StorageObjectInUseProtection admission', () => {
  const req = (resource: string, obj: KubeObject, operation: AdmissionRequest['operation'] = 'CREATE', subresource?: string) =>
    ({ operation, group: '', version: 'v1', kind: obj.kind, resource, subresource, name: obj.metadata.name!, object: obj, dryRun: false, ctx: {} as AdmissionRequest['ctx'], rng: { nameSuffix: () => 'x' } }) as AdmissionRequest;

  it('adds the finalizer to new claims and volumes, once', () => {
    const claim = pvc('a', {});
    storageObjectInUseProtection.mutate!(req('persistentvolumeclaims', claim));
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    storageObjectInUseProtection.mutate!(req('persistentvolumeclaims', claim));
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const vol = pv('v', {}, { finalizers: ['example.com/keep'] });
    storageObjectInUseProtection.mutate!(req('persistentvolumes', vol));
    expect(vol.metadata.finalizers).toEqual(['example.com/keep', 'kubernetes.io/pv-protection']);
  });

  it('leaves updates, status writes and other kinds alone', () => {
    const claim = pvc('a', {});
    storageObjectInUseProtection.mutate!(req('persistentvolumeclaims', claim, 'UPDATE'));
    storageObjectInUseProtection.mutate!(req('persistentvolumeclaims', claim, 'CREATE', 'status'));
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } as KubeObject;
    storageObjectInUseProtection.mutate!(req('configmaps', cm));
    expect(claim.metadata.finalizers).toBeUndefined();
    expect(cm.metadata.finalizers).toBeUndefined();
  });
});

describe('PVC and PV protection controllers', () => {
  it('adds the finalizers even without the admission plugin', async () => {
    const { c } = await storageCluster({ admission: false });
    create(c, pvc('a', { storageClassName: 'manual' }));
    create(c, pv('v', { storageClassName: 'manual' }));
    run(c, 1000);
    expect(get(c, 'persistentvolumeclaims', 'a', 'default')?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(get(c, 'persistentvolumes', 'v')?.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });

  it('keeps a claim in use Terminating until its pod is gone, and its Bound volume until then', async () => {
    const { c } = await storageCluster();
    create(c, pv('v', { storageClassName: 'manual', persistentVolumeReclaimPolicy: 'Retain' }));
    create(c, pvc('a', { storageClassName: 'manual' }));
    create(c, podUsing('user', 'a'));
    expect(runUntil(c, () => (get(c, 'pods', 'user', 'default') as Obj | undefined)?.status?.phase === 'Running', 120_000)).toBe(true);
    expect(del(c, 'persistentvolumeclaims', 'a', 'default').status).toBe(200);
    expect(del(c, 'persistentvolumes', 'v').status).toBe(200);
    run(c, 30_000);
    const claim = get(c, 'persistentvolumeclaims', 'a', 'default');
    expect(claim?.metadata.deletionTimestamp).toBeTruthy();
    expect(claim?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(get(c, 'persistentvolumes', 'v')?.metadata.deletionTimestamp).toBeTruthy();
    // The table shows it Terminating.
    const table = c.as('test')({ verb: 'list', group: '', version: 'v1', resource: 'persistentvolumeclaims', namespace: 'default', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(JSON.stringify(table.body)).toContain('"Terminating"');
    del(c, 'pods', 'user', 'default');
    expect(runUntil(c, () => !get(c, 'persistentvolumeclaims', 'a', 'default'), 120_000)).toBe(true);
    // Released (its claim is gone), the volume is no longer in use and goes too.
    expect(runUntil(c, () => !get(c, 'persistentvolumes', 'v'), 60_000)).toBe(true);
  });

  it('lets an unused claim go at once', async () => {
    const { c } = await storageCluster();
    create(c, pvc('a', { storageClassName: 'manual' }));
    run(c, 100);
    del(c, 'persistentvolumeclaims', 'a', 'default');
    run(c, 1000);
    expect(get(c, 'persistentvolumeclaims', 'a', 'default')).toBeUndefined();
  });
});
