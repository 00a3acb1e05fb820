/** printPersistentVolumeClaim (describe.go), shared by the PVC describer and ephemeral volumes. */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { accessModesAsString } from '../../api/printers/format';
import { quantity } from './containers';
import { printAnnotationsMultiline, printLabelsMultiline, since, goStringSlice } from './format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** storageutil.GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation wins. */
export function storageClassOf(o: { metadata?: { annotations?: Record<string, string> }; spec?: { storageClassName?: string } }): string {
  const a = o.metadata?.annotations ?? {};
  if (BETA_CLASS in a) return a[BETA_CLASS];
  return o.spec?.storageClassName ?? '';
}

export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Pick<PersistentVolumeClaim, 'metadata' | 'spec' | 'status'>, full: boolean, now = 0): void {
  const meta = pvc.metadata ?? {};
  if (full) {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  if (full) {
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  const volumeName = pvc.spec?.volumeName ?? '';
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (full) w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (volumeName !== '') {
    accessModes = accessModesAsString(pvc.status?.accessModes);
    capacity = quantity((pvc.status?.capacity as Record<string, unknown> | undefined)?.storage).toString();
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined && ds.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}
