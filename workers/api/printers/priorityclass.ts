/** `kubectl get priorityclasses`. Mirrors printers.go printPriorityClass. */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const priorityClassPrinter: Printer = {
  columns: [
    nameColumn,
    col('Value', 'integer', DOC['PriorityClass.value']),
    col('Global-Default', 'boolean', DOC['PriorityClass.globalDefault']),
    ageColumn,
    // Upstream leaves this one at priority 0 although it only fills it in wide output.
    col('PreemptionPolicy', 'string', DOC['PriorityClass.preemptionPolicy']),
  ],
  row(obj: KubeObject, nowMs: number) {
    const pc = obj as unknown as PriorityClass;
    return [
      obj.metadata.name,
      pc.value ?? 0,
      pc.globalDefault ?? false,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pc.preemptionPolicy ?? '',
    ];
  },
};
