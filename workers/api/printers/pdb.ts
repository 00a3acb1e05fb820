/** `kubectl get poddisruptionbudgets`. Mirrors printers.go printPodDisruptionBudget. */
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import { intOrStringString } from './format';
import type { Printer } from './types';

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn,
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const pdb = obj as unknown as PodDisruptionBudget;
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      obj.metadata.name,
      min !== undefined && min !== null ? intOrStringString(min) : 'N/A',
      max !== undefined && max !== null ? intOrStringString(max) : 'N/A',
      pdb.status?.disruptionsAllowed ?? 0,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
