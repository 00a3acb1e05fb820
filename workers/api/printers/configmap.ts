/** `kubectl get configmaps`. Mirrors printers.go printConfigMap: DATA counts data and binaryData keys. */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const configMapPrinter: Printer = {
  columns: [nameColumn, col('Data', 'string', DOC['ConfigMap.data']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const cm = obj as unknown as ConfigMap;
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [obj.metadata.name, count, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
