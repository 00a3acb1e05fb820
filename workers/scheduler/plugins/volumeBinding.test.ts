import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { CycleState } from '../types';
import { fakeHandle, node, pod } from '../testing/fixtures';
import type { NodeInfo } from '../nodeInfo';
import type { MaybeStatus } from '../status';
import * as VolumeBinding from './volumeBinding';

const wffc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' } as KubeObject;
const noProvisioner = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'static' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' } as KubeObject;

const claim = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', annotations }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec }, status: { phase: 'Pending' } }) as KubeObject;

const hostnameAffinity = (host: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } });

const volume = (name: string, spec: Record<string, unknown>, phase = 'Available'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, resourceVersion: '1' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/mnt/x' }, ...spec }, status: { phase } }) as KubeObject;

const withClaim = (claimName = 'data') => pod({ volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] });

function attempt(objects: Parameters<typeof fakeHandle>[1], nodes: NodeInfo[], p = withClaim()) {
  const h = fakeHandle(nodes, objects);
  const plugin = VolumeBinding.New(h);
  const state = new CycleState();
  const pre = plugin.preFilter(state, p, nodes);
  const filters = new Map(nodes.map((n) => [n.name, pre.status ? pre.status : plugin.filter(state, p, n)]));
  return { h, plugin, state, pre, filters, p };
}

describe('VolumeBinding with bound claims', () => {
  const bound = claim('data', { volumeName: 'pv-a', storageClassName: 'local' }, { 'pv.kubernetes.io/bind-completed': 'yes' });

  it('narrows the nodes to where a bound local volume lives and rejects others with a node affinity conflict', () => {
    const a = node({ name: 'a' });
    const b = node({ name: 'b' });
    const { pre, filters } = attempt({ persistentvolumeclaims: [bound], persistentvolumes: [volume('pv-a', { nodeAffinity: hostnameAffinity('a') }, 'Bound')], storageclasses: [wffc] }, [a, b]);
    expect(pre.status).toBeNull();
    expect([...(pre.result?.nodeNames ?? [])]).toEqual(['a']);
    expect(filters.get('a')).toBeNull();
    expect(filters.get('b')).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [VolumeBinding.ErrReasonNodeConflict] });
  });

  it('reports a bound claim whose volume is gone', () => {
    const { filters } = attempt({ persistentvolumeclaims: [bound], storageclasses: [wffc] }, [node({ name: 'a' })]);
    expect(filters.get('a')).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [VolumeBinding.ErrReasonPVNotExist] });
  });
});

describe('VolumeBinding with WaitForFirstConsumer claims', () => {
  it('passes every node when the class can provision, and PreBind sets selected-node then waits for the binding', () => {
    const a = node({ name: 'a' });
    const b = node({ name: 'b' });
    const { h, plugin, state, filters, p } = attempt({ persistentvolumeclaims: [claim('data', { storageClassName: 'local' })], storageclasses: [wffc] }, [a, b]);
    expect(filters.get('a')).toBeNull();
    expect(filters.get('b')).toBeNull();
    const writes: KubeObject[] = [];
    h.client = (req) => {
      writes.push(req.body as KubeObject);
      return { status: 200, body: req.body };
    };
    expect(plugin.reserve(state, p, 'b')).toBeNull();
    let result: MaybeStatus | 'pending' = 'pending';
    plugin.preBind(state, p, 'b', (s) => (result = s));
    expect(writes).toHaveLength(1);
    expect(writes[0].metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('b');
    expect(result).toBe('pending');
    // Nothing binds the claim in this fake (whose pod lister is empty): the first poll gives up.
    h.clock.runUntil({ time: h.clock.now() + VolumeBinding.BIND_TIMEOUT_MS + 5000 });
    expect(result).not.toBe('pending');
    expect((result as unknown as { reasons: string[] }).reasons[0]).toMatch(/^binding volumes: /);
  });

  it('finds a matching Available local volume only on its node, and binds it in PreBind', () => {
    const a = node({ name: 'a' });
    const b = node({ name: 'b' });
    const objects = {
      persistentvolumeclaims: [claim('data', { storageClassName: 'static' })],
      persistentvolumes: [volume('local-b', { storageClassName: 'static', nodeAffinity: hostnameAffinity('b') })],
      storageclasses: [noProvisioner],
    };
    const { h, plugin, state, filters, p } = attempt(objects, [a, b]);
    expect(filters.get('a')).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [VolumeBinding.ErrReasonBindConflict] });
    expect(filters.get('b')).toBeNull();
    const writes: KubeObject[] = [];
    h.client = (req) => {
      writes.push(req.body as KubeObject);
      return { status: 200, body: req.body };
    };
    plugin.reserve(state, p, 'b');
    plugin.preBind(state, p, 'b', () => {});
    expect(writes).toHaveLength(1);
    expect(writes[0].kind).toBe('PersistentVolume');
    expect((writes[0] as { spec?: { claimRef?: unknown } }).spec?.claimRef).toMatchObject({ name: 'data', namespace: 'default', uid: 'uid-data' });
    expect(writes[0].metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
  });

  it('an assumed volume is not offered to the next pod', () => {
    const b = node({ name: 'b' });
    const objects = {
      persistentvolumeclaims: [claim('one', { storageClassName: 'static' }), claim('two', { storageClassName: 'static' })],
      persistentvolumes: [volume('only', { storageClassName: 'static' })],
      storageclasses: [noProvisioner],
    };
    const h = fakeHandle([b], objects);
    const plugin = VolumeBinding.New(h);
    const first = withClaim('one');
    const s1 = new CycleState();
    plugin.preFilter(s1, first, [b]);
    expect(plugin.filter(s1, first, b)).toBeNull();
    plugin.reserve(s1, first, 'b');
    const second = withClaim('two');
    const s2 = new CycleState();
    plugin.preFilter(s2, second, [b]);
    expect(plugin.filter(s2, second, b)?.reasons).toEqual([VolumeBinding.ErrReasonBindConflict]);
    // Unreserve gives the volume back.
    plugin.unreserve(s1, first, 'b');
    const s3 = new CycleState();
    plugin.preFilter(s3, second, [b]);
    expect(plugin.filter(s3, second, b)).toBeNull();
  });

  it('a claim already placed on another node rules this node out', () => {
    const { filters } = attempt(
      { persistentvolumeclaims: [claim('data', { storageClassName: 'local' }, { 'volume.kubernetes.io/selected-node': 'a' })], storageclasses: [wffc] },
      [node({ name: 'a' }), node({ name: 'b' })],
    );
    expect(filters.get('a')).toBeNull();
    expect(filters.get('b')?.reasons).toEqual([VolumeBinding.ErrReasonBindConflict]);
  });

  it('allowedTopologies of the class limit where provisioning may happen', () => {
    const zoned = { ...wffc, allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['z1'] }] }] } as KubeObject;
    const { filters } = attempt(
      { persistentvolumeclaims: [claim('data', { storageClassName: 'local' })], storageclasses: [zoned] },
      [node({ name: 'a', labels: { 'topology.kubernetes.io/zone': 'z1' } }), node({ name: 'b', labels: { 'topology.kubernetes.io/zone': 'z2' } })],
    );
    expect(filters.get('a')).toBeNull();
    expect(filters.get('b')?.reasons).toEqual([VolumeBinding.ErrReasonBindConflict]);
  });

  it('a pod without claims skips the plugin and PreBind completes at once', () => {
    const h = fakeHandle([node({ name: 'a' })], {});
    const plugin = VolumeBinding.New(h);
    const state = new CycleState();
    const p = pod();
    expect(plugin.preFilter(state, p, []).status?.code).toBe('Skip');
    expect(plugin.reserve(state, p, 'a')).toBeNull();
    let done: MaybeStatus | 'pending' = 'pending';
    plugin.preBind(state, p, 'a', (s) => (done = s));
    expect(done).toBeNull();
  });
});
