/** CRD status conditions (apiextensions-apiserver pkg/apihelpers/helpers.go). */
import type { CustomResourceDefinition, CustomResourceDefinitionCondition } from 'kubernetes-types/apiextensions/v1';

export type Condition = Omit<CustomResourceDefinitionCondition, 'lastTransitionTime'> & { lastTransitionTime?: string };

export function findCondition(crd: CustomResourceDefinition, type: string): CustomResourceDefinitionCondition | undefined {
  return crd.status?.conditions?.find((c) => c.type === type);
}

export function isConditionTrue(crd: CustomResourceDefinition, type: string): boolean {
  return findCondition(crd, type)?.status === 'True';
}

/** IsCRDConditionEquivalent: same type, status, reason and message. */
export function conditionEquivalent(a: Condition | undefined, b: Condition | undefined): boolean {
  if (!a || !b) return a === b;
  return a.type === b.type && a.status === b.status && (a.reason ?? '') === (b.reason ?? '') && (a.message ?? '') === (b.message ?? '');
}

/** SetCRDCondition: the transition time moves only when the status does. Mutates `crd`. */
export function setCondition(crd: CustomResourceDefinition, cond: Condition, now: string): void {
  const status = (crd.status ??= { acceptedNames: { plural: '', kind: '' }, storedVersions: [] });
  const conditions = (status.conditions ??= []);
  const existing = conditions.find((c) => c.type === cond.type);
  const ordered = (c: Condition, time: string): CustomResourceDefinitionCondition => ({
    type: c.type,
    status: c.status,
    lastTransitionTime: time,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  });
  if (!existing) {
    conditions.push(ordered(cond, now));
    return;
  }
  const time = existing.status !== cond.status || !existing.lastTransitionTime ? now : existing.lastTransitionTime;
  conditions[conditions.indexOf(existing)] = ordered(cond, time);
}

export function removeCondition(crd: CustomResourceDefinition, type: string): void {
  const conds = crd.status?.conditions;
  if (conds) crd.status!.conditions = conds.filter((c) => c.type !== type);
}
