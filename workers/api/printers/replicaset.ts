/** `kubectl get replicasets`. Mirrors printers.go printReplicaSet. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { formatLabelSelector, layoutContainerCells } from './format';
import type { Printer } from './types';

export const replicaSetPrinter: Printer = {
  columns: [
    nameColumn,
    col('Desired', 'integer', DOC['ReplicaSetSpec.replicas']),
    col('Current', 'integer', DOC['ReplicaSetStatus.replicas']),
    col('Ready', 'integer', DOC['ReplicaSetStatus.readyReplicas']),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['ReplicaSetSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const rs = obj as unknown as ReplicaSet;
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
