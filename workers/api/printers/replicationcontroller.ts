/** `kubectl get replicationcontrollers`. Mirrors printers.go printReplicationController. */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { formatLabels, layoutContainerCells } from './format';
import type { Printer } from './types';

export const replicationControllerPrinter: Printer = {
  columns: [
    nameColumn,
    col('Desired', 'integer', DOC['ReplicationControllerSpec.replicas']),
    col('Current', 'integer', DOC['ReplicationControllerStatus.replicas']),
    col('Ready', 'integer', DOC['ReplicationControllerStatus.readyReplicas']),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['ReplicationControllerSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const rc = obj as unknown as ReplicationController;
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      rc.spec?.replicas ?? 0,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
};
