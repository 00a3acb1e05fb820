/**
 * Apply conflicts as the API server reports them: a 409 Conflict whose
 * message and causes are built by
 * apimachinery/pkg/util/managedfields/internal/conflict.go NewConflictError.
 */
import type { Status, StatusCause } from '../status';
import { goQuote } from './goText';
import { managerIdentifier, parseIdentifier, type Operation } from './managers';
import { pathString } from './pathElement';
import type { ConflictSets } from './updater';

export interface ApplyConflict {
  manager: string;
  operation: Operation;
  /** The version the other manager's fields are recorded at. */
  apiVersion: string;
  subresource?: string;
  /** Rendered paths, `.spec.replicas`, in upstream's set order. */
  fields: string[];
}

/** One conflict group per manager, managers in identifier order. */
export function conflictsFromSets(sets: ConflictSets): ApplyConflict[] {
  const out: ApplyConflict[] = [];
  for (const [id, vs] of [...sets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = parseIdentifier(id) ?? { manager: id };
    out.push({
      manager: p.manager,
      operation: p.operation ?? (vs.applied ? 'Apply' : 'Update'),
      apiVersion: vs.apiVersion,
      subresource: p.subresource,
      fields: vs.set.paths().map(pathString),
    });
  }
  return out;
}

/** printManager: `"kubectl"`, `"kube-controller-manager" with subresource "status" using apps/v1`. */
export function printManager(c: Pick<ApplyConflict, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let s = goQuote(c.manager);
  if (c.subresource) s += ` with subresource ${goQuote(c.subresource)}`;
  // The identifier carries no time, so upstream never prints one.
  if (c.operation === 'Update') s += ` using ${c.apiVersion}`;
  return s;
}

const idOf = (c: ApplyConflict) => managerIdentifier(c);

/** getConflictMessage. */
export function conflictMessage(conflicts: ApplyConflict[]): string {
  const n = conflicts.reduce((acc, c) => acc + c.fields.length, 0);
  if (n === 1) {
    const c = conflicts.find((x) => x.fields.length)!;
    return `Apply failed with 1 conflict: conflict with ${printManager(c)}: ${c.fields[0]}`;
  }
  const sorted = [...conflicts].filter((c) => c.fields.length).sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const lines: string[] = [];
  for (const c of sorted) {
    lines.push(`conflicts with ${printManager(c)}:`);
    for (const f of c.fields) lines.push(`- ${f}`);
  }
  return `Apply failed with ${n} conflicts: ${lines.join('\n')}`;
}

/** errors.NewApplyConflict: 409, reason Conflict, one FieldManagerConflict cause per field. */
export function conflictStatus(conflicts: ApplyConflict[]): Status {
  const causes: StatusCause[] = [];
  for (const c of conflicts) {
    for (const f of c.fields) causes.push({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c)}`, field: f });
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: 'Conflict',
    details: { causes },
    code: 409,
  };
}
