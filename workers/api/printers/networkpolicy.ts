/** `kubectl get networkpolicies`. Mirrors printers.go printNetworkPolicy. */
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { formatLabelSelector } from './format';
import type { Printer } from './types';

export const networkPolicyPrinter: Printer = {
  columns: [nameColumn, col('Pod-Selector', 'string', DOC['NetworkPolicySpec.podSelector']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    const np = obj as unknown as NetworkPolicy;
    // podSelector is a struct upstream, so a missing one formats like an empty one.
    return [obj.metadata.name, formatLabelSelector(np.spec?.podSelector ?? {}), translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
