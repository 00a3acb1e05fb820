/** `kubectl get daemonsets`. Mirrors printers.go printDaemonSet. */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { formatLabelSelector, formatLabels, layoutContainerCells } from './format';
import type { Printer } from './types';

export const daemonSetPrinter: Printer = {
  columns: [
    nameColumn,
    col('Desired', 'integer', DOC['DaemonSetStatus.desiredNumberScheduled']),
    col('Current', 'integer', DOC['DaemonSetStatus.currentNumberScheduled']),
    col('Ready', 'integer', DOC['DaemonSetStatus.numberReady']),
    col('Up-to-date', 'integer', DOC['DaemonSetStatus.updatedNumberScheduled']),
    col('Available', 'integer', DOC['DaemonSetStatus.numberAvailable']),
    col('Node Selector', 'string', DOC['PodSpec.nodeSelector']),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['DaemonSetSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const ds = obj as unknown as DaemonSet;
    const st = ds.status;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      st?.desiredNumberScheduled ?? 0,
      st?.currentNumberScheduled ?? 0,
      st?.numberReady ?? 0,
      st?.updatedNumberScheduled ?? 0,
      st?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
