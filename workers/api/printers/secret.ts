/** `kubectl get secrets`. Mirrors printers.go printSecret. */
import type { Secret } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const secretPrinter: Printer = {
  columns: [nameColumn, col('Type', 'string', DOC['Secret.type']), col('Data', 'string', DOC['Secret.data']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const s = obj as unknown as Secret;
    return [obj.metadata.name, s.type ?? '', Object.keys(s.data ?? {}).length, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
