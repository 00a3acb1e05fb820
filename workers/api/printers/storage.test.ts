import { describe, expect, it } from 'vitest';
import { ago, NOW, obj, S } from './fixtures';
import { accessModesAsString } from './format';
import { persistentVolumePrinter } from './pv';
import { persistentVolumeClaimPrinter } from './pvc';
import { storageClassPrinter } from './storageclass';

describe('access modes', () => {
  it.each([
    [['ReadWriteOnce'], 'RWO'],
    [['ReadOnlyMany'], 'ROX'],
    [['ReadWriteMany'], 'RWX'],
    [['ReadWriteOncePod'], 'RWOP'],
    [['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce'], 'RWO,ROX,RWX,RWOP'],
    [['Bogus'], ''],
    [[], ''],
    [undefined, ''],
  ])('%j → %s', (modes, want) => {
    expect(accessModesAsString(modes)).toBe(want);
  });
});

describe('persistentvolumeclaim', () => {
  const pvc = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
    obj('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec }, status }, meta);

  it('pending claim: no volume, capacity or access modes yet', () => {
    expect(persistentVolumeClaimPrinter.row(pvc({ storageClassName: 'standard' }, { phase: 'Pending' }), NOW)).toEqual([
      'data',
      'Pending',
      '',
      '',
      '',
      'standard',
      '<unset>',
      '5m',
      '<unset>',
    ]);
  });

  it('bound claim prints the volume, its capacity and modes', () => {
    const bound = pvc(
      { storageClassName: 'standard', volumeName: 'pvc-123', volumeMode: 'Filesystem', volumeAttributesClassName: 'gold' },
      { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'] },
    );
    expect(persistentVolumeClaimPrinter.row(bound, NOW)).toEqual(['data', 'Bound', 'pvc-123', '2Gi', 'RWO,RWOP', 'standard', 'gold', '5m', 'Filesystem']);
  });

  it('Terminating once deleted; the beta class annotation wins over storageClassName', () => {
    const c = pvc({ storageClassName: 'standard', volumeName: 'pv1' }, { phase: 'Bound' }, {
      deletionTimestamp: ago(S),
      annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' },
    });
    const cells = persistentVolumeClaimPrinter.row(c, NOW);
    expect(cells[1]).toBe('Terminating');
    expect(cells[3]).toBe('0');
    expect(cells[5]).toBe('legacy');
  });
});

describe('persistentvolume', () => {
  it('prints capacity, modes, policy, phase, claim and class', () => {
    const pv = obj(
      'v1',
      'PersistentVolume',
      'pv1',
      {
        spec: {
          capacity: { storage: '10Gi' },
          accessModes: ['ReadWriteMany'],
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: 'default', name: 'data' },
          storageClassName: 'nfs',
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Bound' },
      },
      { namespace: undefined },
    );
    expect(persistentVolumePrinter.row(pv, NOW)).toEqual(['pv1', '10Gi', 'RWX', 'Retain', 'Bound', 'default/data', 'nfs', '<unset>', '', '5m', 'Filesystem']);
  });

  it('released volume with a reason, deleted → Terminating', () => {
    const pv = obj('v1', 'PersistentVolume', 'pv2', { spec: {}, status: { phase: 'Failed', reason: 'VolumeFailedDelete' } }, { deletionTimestamp: ago(S) });
    const cells = persistentVolumePrinter.row(pv, NOW);
    expect([cells[1], cells[4], cells[5], cells[8]]).toEqual(['0', 'Terminating', '', 'VolumeFailedDelete']);
  });
});

describe('storageclass', () => {
  it('defaults reclaim policy and binding mode, marks the default class', () => {
    const sc = obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'rancher.io/local-path' }, {
      namespace: undefined,
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    });
    expect(storageClassPrinter.row(sc, NOW)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '5m']);
  });

  it('prints explicit settings; a non-"true" annotation is not default', () => {
    const sc = obj(
      'storage.k8s.io/v1',
      'StorageClass',
      'fast',
      { provisioner: 'csi.example.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
      { annotations: { 'storageclass.kubernetes.io/is-default-class': 'yes' } },
    );
    expect(storageClassPrinter.row(sc, NOW)).toEqual(['fast', 'csi.example.com', 'Retain', 'WaitForFirstConsumer', true, '5m']);
  });
});
