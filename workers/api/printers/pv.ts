/** `kubectl get persistentvolumes`. Mirrors printers.go printPersistentVolume. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { accessModesAsString, quantityString } from './format';
import type { Printer } from './types';

/** The beta annotation still wins over spec.storageClassName (pkg/apis/core/helper). */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

function persistentVolumeClass(pv: PersistentVolume): string {
  const ann = pv.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  return ann !== undefined ? ann : pv.spec?.storageClassName ?? '';
}

export const persistentVolumePrinter: Printer = {
  columns: [
    nameColumn,
    col('Capacity', 'string', DOC['PersistentVolumeSpec.capacity']),
    col('Access Modes', 'string', DOC['PersistentVolumeSpec.accessModes']),
    col('Reclaim Policy', 'string', DOC['PersistentVolumeSpec.persistentVolumeReclaimPolicy']),
    col('Status', 'string', DOC['PersistentVolumeStatus.phase']),
    col('Claim', 'string', DOC['PersistentVolumeSpec.claimRef']),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', DOC['PersistentVolumeStatus.reason']),
    ageColumn,
    col('VolumeMode', 'string', DOC['PersistentVolumeSpec.volumeMode'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const pv = obj as unknown as PersistentVolume;
    const ref = pv.spec?.claimRef;
    const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
    const phase = obj.metadata.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? '';
    return [
      obj.metadata.name,
      quantityString(pv.spec?.capacity?.storage),
      accessModesAsString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      phase,
      claim,
      persistentVolumeClass(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};
