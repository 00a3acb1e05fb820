/** `kubectl get statefulsets`. Mirrors printers.go printStatefulSet (no selector column). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import { layoutContainerCells } from './format';
import type { Printer } from './types';

export const statefulSetPrinter: Printer = {
  columns: [nameColumn, col('Ready', 'string', 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  row(obj: KubeObject, nowMs: number) {
    const sts = obj as unknown as StatefulSet;
    const [names, images] = layoutContainerCells(sts.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
    ];
  },
};
