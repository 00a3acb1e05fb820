/** `kubectl get storageclasses`. Mirrors printers.go printStorageClass. */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

/** pkg/apis/storage/util IsDefaultAnnotation: GA or beta annotation set to "true". */
export function isDefaultStorageClass(sc: Pick<StorageClass, 'metadata'>): boolean {
  const ann = sc.metadata?.annotations ?? {};
  return ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageClassPrinter: Printer = {
  columns: [
    nameColumn,
    col('Provisioner', 'string', DOC['StorageClass.provisioner']),
    col('ReclaimPolicy', 'string', DOC['StorageClass.reclaimPolicy']),
    col('VolumeBindingMode', 'string', DOC['StorageClass.volumeBindingMode']),
    col('AllowVolumeExpansion', 'string', DOC['StorageClass.allowVolumeExpansion']),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const sc = obj as unknown as StorageClass;
    return [
      isDefaultStorageClass(sc) ? `${obj.metadata.name} (default)` : obj.metadata.name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
