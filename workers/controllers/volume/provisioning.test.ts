import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { create, del, eventsFor, exec, get, run, runUntil, storageCluster } from './testing/cluster';

function corpus(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(`/work/shared/corpus/manifests/${file}`, 'utf8'))
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => !!o);
}

type Obj = KubeObject & { spec?: Record<string, unknown> & { nodeName?: string; volumeName?: string }; status?: Record<string, unknown> };
const phase = (o: KubeObject | undefined) => (o as Obj | undefined)?.status?.phase;

const web = (replicas = 1, podManagementPolicy = 'OrderedReady'): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'web',
      replicas,
      podManagementPolicy,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  }) as KubeObject;

describe('local-path provisioning with WaitForFirstConsumer', () => {
  it('binds the zookeeper StatefulSet claims datadir-zk-0..2 through the default class', async () => {
    const { c } = await storageCluster();
    for (const o of corpus('application-zookeeper__zookeeper.yaml')) create(c, o);
    const names = ['datadir-zk-0', 'datadir-zk-1', 'datadir-zk-2'];
    const allBound = () => names.every((n) => phase(get(c, 'persistentvolumeclaims', n, 'default')) === 'Bound' && (get(c, 'pods', n.replace('datadir-', ''), 'default') as Obj | undefined)?.spec?.nodeName);
    expect(runUntil(c, allBound, 600_000)).toBe(true);
    for (const n of names) {
      const claim = get(c, 'persistentvolumeclaims', n, 'default') as Obj;
      const pod = get(c, 'pods', n.replace('datadir-', ''), 'default') as Obj;
      const vol = get(c, 'persistentvolumes', claim.spec!.volumeName!) as Obj;
      expect(claim.spec?.volumeName).toBe(`pvc-${claim.metadata.uid}`);
      expect(claim.spec?.storageClassName).toBe('standard');
      expect(claim.status?.capacity).toEqual({ storage: '10Gi' });
      expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(pod.spec?.nodeName);
      expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
      expect(vol.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
      expect(vol.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
      expect(vol.spec).toMatchObject({
        hostPath: { path: `/var/local-path-provisioner/pvc-${claim.metadata.uid}_default_${n}`, type: 'DirectoryOrCreate' },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        capacity: { storage: '10Gi' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [pod.spec?.nodeName] }] }] } },
      });
      expect(phase(vol)).toBe('Bound');
    }
    const ev = eventsFor(c, 'datadir-zk-0');
    const reasons = ev.map((e) => e.reason);
    // The StatefulSet creates the claim and its pod in one go, so the controller names the pod it waits for.
    expect(reasons).toEqual(['WaitForPodScheduled', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    expect(ev[0].message).toBe('waiting for pod zk-0 to be scheduled');
    const ok = ev.find((e) => e.reason === 'ProvisioningSucceeded')!;
    expect(ok.message).toMatch(/^Successfully provisioned volume pvc-[0-9a-f-]{36}$/);
    expect(ok.source.component).toMatch(/^rancher\.io\/local-path_local-path-provisioner-[a-z0-9]{10}-[a-z0-9]{5}_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ev.find((e) => e.reason === 'Provisioning')!.message).toBe('External provisioner is provisioning volume for claim "default/datadir-zk-0"');
    // The pod is bound only after its claim: the Scheduled event follows the binding.
    const zk0 = get(c, 'pods', 'zk-0', 'default') as Obj;
    expect(zk0.spec?.nodeName).toBeTruthy();
  });

  it('places several pods waiting for volume binding at once, each on the node of its own volume', async () => {
    const { c } = await storageCluster();
    create(c, web(3, 'Parallel'));
    const names = ['web-0', 'web-1', 'web-2'];
    const running = () => names.every((n) => phase(get(c, 'pods', n, 'default')) === 'Running');
    expect(runUntil(c, running, 300_000)).toBe(true);
    for (const n of names) {
      const pod = get(c, 'pods', n, 'default') as Obj;
      const claim = get(c, 'persistentvolumeclaims', `data-${n}`, 'default') as Obj;
      const vol = get(c, 'persistentvolumes', claim.spec!.volumeName!) as Obj;
      expect(vol.metadata.annotations?.['local.path.provisioner/selected-node']).toBe(pod.spec?.nodeName);
    }
  });

  it('keeps the cassandra claim Pending (no minikube-hostpath provisioner) and its pod unschedulable', async () => {
    const { c } = await storageCluster();
    for (const o of corpus('k8s-examples-databases-cassandra__cassandra-statefulset.yaml')) create(c, o);
    run(c, 60_000);
    const claim = get(c, 'persistentvolumeclaims', 'cassandra-data-cassandra-0', 'default') as Obj;
    expect(phase(claim)).toBe('Pending');
    expect(eventsFor(c, 'cassandra-data-cassandra-0').map((e) => e.reason)).toContain('ExternalProvisioning');
    const pod = get(c, 'pods', 'cassandra-0', 'default') as Obj;
    expect(pod.spec?.nodeName).toBeUndefined();
    const failed = eventsFor(c, 'cassandra-0').find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toBe('0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.');
    expect(get(c, 'pods', 'cassandra-1', 'default')).toBeUndefined();
  });

  it('keeps a StatefulSet pod\'s data across the pod being deleted and recreated', async () => {
    const { c } = await storageCluster();
    create(c, web());
    const running = () => phase(get(c, 'pods', 'web-0', 'default')) === 'Running';
    expect(runUntil(c, running, 300_000)).toBe(true);
    const first = get(c, 'pods', 'web-0', 'default') as Obj;
    expect(exec(c, 'web-0', ['sh', '-c', 'echo hi > /data/f']).exitCode).toBe(0);
    expect(exec(c, 'web-0', ['cat', '/data/f']).stdout).toBe('hi\n');
    del(c, 'pods', 'web-0', 'default');
    const recreated = () => {
      const p = get(c, 'pods', 'web-0', 'default');
      return !!p && p.metadata.uid !== first.metadata.uid && phase(p) === 'Running';
    };
    expect(runUntil(c, recreated, 300_000)).toBe(true);
    const second = get(c, 'pods', 'web-0', 'default') as Obj;
    expect(second.spec?.nodeName).toBe(first.spec?.nodeName);
    expect(exec(c, 'web-0', ['cat', '/data/f']).stdout).toBe('hi\n');
  });

  it('reclaims a provisioned volume (policy Delete) once its claim is deleted', async () => {
    const { c, removed } = await storageCluster();
    create(c, web());
    expect(runUntil(c, () => phase(get(c, 'persistentvolumeclaims', 'data-web-0', 'default')) === 'Bound', 300_000)).toBe(true);
    const pvName = (get(c, 'persistentvolumeclaims', 'data-web-0', 'default') as Obj).spec!.volumeName!;
    c.as('test')({ verb: 'delete', group: 'apps', version: 'v1', resource: 'statefulsets', namespace: 'default', name: 'web' });
    expect(runUntil(c, () => !get(c, 'pods', 'web-0', 'default'), 120_000)).toBe(true);
    expect(phase(get(c, 'persistentvolumes', pvName))).toBe('Bound');
    del(c, 'persistentvolumeclaims', 'data-web-0', 'default');
    expect(runUntil(c, () => !get(c, 'persistentvolumes', pvName), 60_000)).toBe(true);
    expect(get(c, 'persistentvolumeclaims', 'data-web-0', 'default')).toBeUndefined();
    expect(removed).toEqual([expect.stringMatching(new RegExp(`^worker-\\d:/var/local-path-provisioner/${pvName}_default_data-web-0$`))]);
  });
});
