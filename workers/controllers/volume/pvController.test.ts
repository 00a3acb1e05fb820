import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { create, del, eventsFor, get, pv, pvc, run, runUntil, storageCluster } from './testing/cluster';

function corpus(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(`/work/shared/corpus/manifests/${file}`, 'utf8'))
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => !!o);
}

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
const phase = (o: KubeObject | undefined) => (o as Obj | undefined)?.status?.phase;

describe('PersistentVolume controller', () => {
  it('makes the corpus PV Available and leaves its PVC Pending (class standard does not match the PV)', async () => {
    const { c } = await storageCluster();
    const [v] = corpus('k8s-examples-AI-model-serving-tensorflow__pv.yaml');
    create(c, v);
    run(c, 1000);
    expect(phase(get(c, 'persistentvolumes', 'my-model-pv'))).toBe('Available');
    const [claim] = corpus('k8s-examples-AI-model-serving-tensorflow__pvc.yaml');
    create(c, claim);
    run(c, 1000);
    const got = get(c, 'persistentvolumeclaims', 'my-model-pvc', 'default') as Obj;
    expect(got.spec?.storageClassName).toBe('standard');
    expect(phase(got)).toBe('Pending');
    expect(phase(get(c, 'persistentvolumes', 'my-model-pv'))).toBe('Available');
    const ev = eventsFor(c, 'my-model-pvc');
    expect(ev.map((e) => [e.type, e.reason, e.message])).toContainEqual(['Warning', 'VolumeMismatch', 'Cannot bind to requested volume "my-model-pv": storageClassName does not match']);
  });

  it('binds a claim to the smallest matching volume, both ways, with the controller annotations', async () => {
    const { c } = await storageCluster();
    create(c, pv('big', { capacity: { storage: '10Gi' }, storageClassName: 'manual' }));
    create(c, pv('small', { capacity: { storage: '2Gi' }, storageClassName: 'manual' }));
    create(c, pv('tiny', { capacity: { storage: '500Mi' }, storageClassName: 'manual' }));
    create(c, pv('other-class', { capacity: { storage: '2Gi' }, storageClassName: 'fast' }));
    run(c, 100);
    create(c, pvc('data', { storageClassName: 'manual' }));
    expect(runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'data', 'default')) === 'Bound', 5000)).toBe(true);
    const claim = get(c, 'persistentvolumeclaims', 'data', 'default') as Obj;
    expect(claim.spec?.volumeName).toBe('small');
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.status).toMatchObject({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    const vol = get(c, 'persistentvolumes', 'small') as Obj;
    expect(phase(vol)).toBe('Bound');
    expect(vol.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(vol.spec?.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    expect(phase(get(c, 'persistentvolumes', 'big'))).toBe('Available');
  });

  it('prefers the volume with the fewest extra access modes', async () => {
    const { c } = await storageCluster();
    create(c, pv('rwx', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'], capacity: { storage: '1Gi' }, storageClassName: 'manual' }));
    create(c, pv('rwo', { capacity: { storage: '5Gi' }, storageClassName: 'manual' }));
    run(c, 100);
    create(c, pvc('data', { storageClassName: 'manual' }));
    runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'data', 'default')) === 'Bound', 5000);
    expect((get(c, 'persistentvolumeclaims', 'data', 'default') as Obj).spec?.volumeName).toBe('rwo');
  });

  it('does not bind through a selector that matches nothing, nor across classes', async () => {
    const { c } = await storageCluster();
    create(c, pv('labelled', { storageClassName: '' }, { labels: { tier: 'gold' } }));
    run(c, 100);
    create(c, pvc('silver', { storageClassName: '', selector: { matchLabels: { tier: 'silver' } } }));
    create(c, pvc('gold', { storageClassName: '', selector: { matchLabels: { tier: 'gold' } } }));
    runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'gold', 'default')) === 'Bound', 5000);
    run(c, 1000);
    expect(phase(get(c, 'persistentvolumeclaims', 'silver', 'default'))).toBe('Pending');
    expect(eventsFor(c, 'silver').map((e) => e.reason)).toContain('FailedBinding');
    expect(eventsFor(c, 'silver').find((e) => e.reason === 'FailedBinding')?.message).toBe('no persistent volumes available for this claim and no storage class is set');
  });

  it('keeps a claim of a class whose provisioner does not run Pending with ExternalProvisioning, repeated each resync', async () => {
    const { c } = await storageCluster();
    create(c, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'k8s.io/minikube-hostpath' } as KubeObject);
    create(c, pvc('data', { storageClassName: 'fast' }));
    run(c, 31_000);
    const claim = get(c, 'persistentvolumeclaims', 'data', 'default') as Obj;
    expect(phase(claim)).toBe('Pending');
    expect(claim.metadata.annotations).toMatchObject({ 'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath', 'volume.beta.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath' });
    const ev = eventsFor(c, 'data').find((e) => e.reason === 'ExternalProvisioning')!;
    expect(ev.source.component).toBe('persistentvolume-controller');
    expect(ev.message).toBe(
      "Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
    expect(ev.count).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing class as ProvisioningFailed', async () => {
    const { c } = await storageCluster();
    create(c, pvc('data', { storageClassName: 'nope' }));
    run(c, 1000);
    expect(eventsFor(c, 'data').map((e) => [e.type, e.reason, e.message])).toContainEqual(['Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "nope" not found']);
  });

  it('says WaitForFirstConsumer for an unused claim of the default class', async () => {
    const { c } = await storageCluster();
    create(c, pvc('later', {}));
    run(c, 1000);
    const claim = get(c, 'persistentvolumeclaims', 'later', 'default') as Obj;
    expect(phase(claim)).toBe('Pending');
    expect(claim.spec?.storageClassName).toBe('standard');
    expect(eventsFor(c, 'later').map((e) => [e.reason, e.message])).toContainEqual(['WaitForFirstConsumer', 'waiting for first consumer to be created before binding']);
  });

  it('releases a Retain volume when its claim goes, and marks a Delete volume it cannot delete Failed', async () => {
    const { c } = await storageCluster();
    create(c, pv('keep', { storageClassName: 'manual', persistentVolumeReclaimPolicy: 'Retain' }));
    create(c, pv('mnt', { storageClassName: 'other', persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/mnt/data' } }));
    run(c, 100);
    create(c, pvc('a', { storageClassName: 'manual' }));
    create(c, pvc('b', { storageClassName: 'other' }));
    runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'b', 'default')) === 'Bound' && phase(get(c, 'persistentvolumeclaims', 'a', 'default')) === 'Bound', 5000);
    del(c, 'persistentvolumeclaims', 'a', 'default');
    del(c, 'persistentvolumeclaims', 'b', 'default');
    run(c, 2000);
    expect(get(c, 'persistentvolumeclaims', 'a', 'default')).toBeUndefined();
    expect(phase(get(c, 'persistentvolumes', 'keep'))).toBe('Released');
    const failed = get(c, 'persistentvolumes', 'mnt') as Obj;
    expect(phase(failed)).toBe('Failed');
    expect(failed.status?.message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/data');
    expect(eventsFor(c, 'mnt').map((e) => e.reason)).toContain('VolumeFailedDelete');
  });

  it('deletes a released /tmp hostPath volume with reclaimPolicy Delete', async () => {
    const { c } = await storageCluster();
    create(c, pv('scratch', { storageClassName: 'manual', persistentVolumeReclaimPolicy: 'Delete' }));
    run(c, 100);
    create(c, pvc('a', { storageClassName: 'manual' }));
    runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'a', 'default')) === 'Bound', 5000);
    del(c, 'persistentvolumeclaims', 'a', 'default');
    expect(runUntil(c, () => !get(c, 'persistentvolumes', 'scratch'), 5000)).toBe(true);
  });

  it('marks a bound claim Lost when its volume disappears', async () => {
    const { c } = await storageCluster({ admission: false });
    create(c, pv('gone', { storageClassName: 'manual' }));
    run(c, 100);
    create(c, pvc('a', { storageClassName: 'manual' }));
    runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'a', 'default')) === 'Bound', 5000);
    // Force the volume away past its protection finalizer.
    const vol = get(c, 'persistentvolumes', 'gone')!;
    c.as('test')({ verb: 'update', group: '', version: 'v1', resource: 'persistentvolumes', name: 'gone', body: { ...vol, metadata: { ...vol.metadata, finalizers: [] } } });
    del(c, 'persistentvolumes', 'gone');
    c.as('test')({ verb: 'patch', group: '', version: 'v1', resource: 'persistentvolumes', name: 'gone', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    expect(runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'a', 'default')) === 'Lost', 20_000)).toBe(true);
    expect(eventsFor(c, 'a').map((e) => [e.type, e.reason, e.message])).toContainEqual(['Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!']);
  });
});
