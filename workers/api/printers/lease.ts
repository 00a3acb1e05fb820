/** `kubectl get leases`. Mirrors printers.go printLease. */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const leasePrinter: Printer = {
  columns: [nameColumn, col('Holder', 'string', DOC['LeaseSpec.holderIdentity']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const lease = obj as unknown as Lease;
    return [obj.metadata.name, lease.spec?.holderIdentity ?? '', translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
