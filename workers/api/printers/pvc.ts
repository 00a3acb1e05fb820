/** `kubectl get persistentvolumeclaims`. Mirrors printers.go printPersistentVolumeClaim. */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { accessModesAsString, quantityString } from './format';
import { BETA_STORAGE_CLASS_ANNOTATION } from './pv';
import type { Printer } from './types';

function claimClass(pvc: PersistentVolumeClaim): string {
  const ann = pvc.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  return ann !== undefined ? ann : pvc.spec?.storageClassName ?? '';
}

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    nameColumn,
    col('Status', 'string', DOC['PersistentVolumeClaimStatus.phase']),
    col('Volume', 'string', DOC['PersistentVolumeClaimSpec.volumeName']),
    col('Capacity', 'string', DOC['PersistentVolumeClaimStatus.capacity']),
    col('Access Modes', 'string', DOC['PersistentVolumeClaimStatus.accessModes']),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    col('VolumeMode', 'string', DOC['PersistentVolumeClaimSpec.volumeMode'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const pvc = obj as unknown as PersistentVolumeClaim;
    const volumeName = pvc.spec?.volumeName ?? '';
    // Capacity and access modes only mean something once the claim is bound to a volume.
    const bound = volumeName !== '';
    return [
      obj.metadata.name,
      obj.metadata.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? '',
      volumeName,
      bound ? quantityString(pvc.status?.capacity?.storage) : '',
      bound ? accessModesAsString(pvc.status?.accessModes) : '',
      claimClass(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};
