/** `kubectl get serviceaccounts`. Mirrors printers.go printServiceAccount. */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const serviceAccountPrinter: Printer = {
  columns: [nameColumn, col('Secrets', 'string', DOC['ServiceAccount.secrets']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const sa = obj as unknown as ServiceAccount;
    return [obj.metadata.name, (sa.secrets ?? []).length, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
