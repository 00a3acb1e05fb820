/**
 * Pieces of upstream's field manager chain shared by updates and applies
 * (apimachinery/pkg/util/managedfields/internal): stripMetaManager,
 * managedFieldsUpdater and the reset-fields filter.
 */
import { FieldSet } from './fieldset';
import { managerIdentifier, type Managed, type Operation } from './managers';
import { fieldPath, type Path } from './pathElement';
import { isMap } from './schemaInfo';
import { updaterUpdate, type UpdaterContext } from './updater';

/** stripMetaManager: fields nobody is ever said to own. */
export const STRIP_PATHS: readonly (readonly string[])[] = [
  ['apiVersion'],
  ['kind'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'selfLink'],
  ['metadata', 'uid'],
  ['metadata', 'clusterName'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
  ['metadata', 'resourceVersion'],
];
const STRIP = FieldSet.of(...STRIP_PATHS.map((p) => fieldPath(...p)));

export function stripMeta(m: Managed, id: string): Managed {
  const vs = m.fields.get(id);
  if (!vs) return m;
  const fields = new Map(m.fields);
  const set = vs.set.difference(STRIP);
  if (set.empty()) fields.delete(id);
  else fields.set(id, { ...vs, set });
  return { fields, times: m.times };
}

/** The field set a strategy's ResetFieldsFor returns, from plain paths. */
const resetSets = new Map<string, FieldSet>();
const STATUS_SET = FieldSet.of(fieldPath('status'));
const SPEC_SET = FieldSet.of(fieldPath('spec'));

export function resetFieldSet(paths: readonly (readonly string[])[] | undefined): FieldSet | undefined {
  if (!paths?.length) return undefined;
  if (paths === RESET_STATUS) return STATUS_SET;
  if (paths === RESET_SPEC) return SPEC_SET;
  const memo = JSON.stringify(paths);
  let set = resetSets.get(memo);
  if (!set) {
    set = FieldSet.of(...paths.map((p): Path => fieldPath(...p)));
    if (resetSets.size < 1000) resetSets.set(memo, set);
  }
  return set;
}

/**
 * What most upstream strategies reset: a resource with a status subresource
 * ignores `status` on the main resource; its status subresource ignores
 * `spec` (several strategies also list a few metadata fields, which the
 * status handler restores anyway).
 */
const RESET_STATUS: string[][] = [['status']];
const RESET_SPEC: string[][] = [['spec']];
const RESET_NONE: string[][] = [];

export function defaultResetFields(subresources: readonly string[] | undefined, subresource: string | undefined): string[][] {
  if (subresource === 'status') return RESET_SPEC;
  if (subresource) return RESET_NONE;
  return subresources?.includes('status') ? RESET_STATUS : RESET_NONE;
}

/** An object without the managedFields it carries (RemoveObjectManagedFields). */
export function withoutManagedFields(obj: unknown): unknown {
  if (!isMap(obj) || !isMap(obj.metadata) || !('managedFields' in obj.metadata)) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
}

export const identifierFor = (manager: string, operation: Operation, apiVersion: string, subresource: string | undefined) =>
  managerIdentifier({ manager: manager || 'unknown', operation, apiVersion, subresource });

const CURRENT_OPERATION = 'current-operation';

/**
 * managedFieldsUpdater + stripMetaManager + Updater.Update: the changes are
 * first owned by a placeholder so that a write that changes nothing leaves
 * the manager's entry (and its time) alone.
 */
export function trackUpdate(ctx: UpdaterContext, live: unknown, next: unknown, managed: Managed, id: string, apiVersion: string, time: string): Managed {
  let m = updaterUpdate(ctx, live, next, apiVersion, managed, CURRENT_OPERATION);
  m = stripMeta(m, CURRENT_OPERATION);
  const vs = m.fields.get(CURRENT_OPERATION);
  if (!vs) return m;
  const fields = new Map(m.fields);
  const times = new Map(m.times);
  fields.delete(CURRENT_OPERATION);
  const prev = fields.get(id);
  fields.set(id, prev ? { set: vs.set.union(prev.set), apiVersion: vs.apiVersion, applied: vs.applied } : vs);
  times.set(id, time);
  return { fields, times };
}
