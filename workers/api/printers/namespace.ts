/** `kubectl get namespaces`. Mirrors printers.go printNamespace. */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const namespacePrinter: Printer = {
  columns: [nameColumn, col('Status', 'string', 'The status of the namespace'), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const ns = obj as unknown as Namespace;
    return [obj.metadata.name, ns.status?.phase ?? '', translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
