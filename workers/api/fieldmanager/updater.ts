/**
 * structured-merge-diff's merge.Updater: who owns what after an update or
 * an apply, and the merged object of an apply. Versions are not converted:
 * every kind here is served in the one schema the caller passes.
 */
import { jsonEqual } from '../object';
import { changes, type Changes } from './compare';
import { FieldSet } from './fieldset';
import type { Managed, VersionedSet } from './managers';
import { merge } from './merge';
import { ensureNamedFieldsAreMembers, removeItems } from './remove';
import { fieldPath } from './pathElement';
import type { Schema } from './schemaInfo';
import { toFieldSet } from './toFieldSet';

export interface UpdaterContext {
  schema: Schema;
  /** Fields the strategy resets (status on the main resource, spec on /status): never owned, never conflicting. */
  resetFields?: FieldSet;
}

/** manager identifier → the fields it would lose */
export type ConflictSets = Map<string, VersionedSet>;

const MANAGED_FIELDS = FieldSet.of(fieldPath('metadata', 'managedFields'));
const ignores = new WeakMap<FieldSet, FieldSet>();

/** What a comparison skips: reset fields, and managedFields themselves (RemoveObjectManagedFields). */
export function ignoreFor(reset: FieldSet | undefined): FieldSet {
  if (!reset) return MANAGED_FIELDS;
  let i = ignores.get(reset);
  if (!i) {
    i = reset.union(MANAGED_FIELDS);
    ignores.set(reset, i);
  }
  return i;
}

const ofFilter = (set: FieldSet, filter: FieldSet | undefined) => (filter && !filter.empty() ? set.recursiveDifference(filter) : set);

/**
 * Updater.update: every manager but `workflow` loses the fields the change
 * touched (conflicts) and the fields it removed. Without `force`, touching
 * another manager's field is a conflict instead.
 */
function updateOthers(
  ctx: UpdaterContext,
  live: unknown,
  next: unknown,
  fields: Map<string, VersionedSet>,
  workflow: string,
  force: boolean,
): { ok: true; fields: Map<string, VersionedSet>; comparison: Changes } | { ok: false; conflicts: ConflictSets } {
  const c = changes(live, next, ctx.schema, ignoreFor(ctx.resetFields));
  const changed = c.changed;
  const conflicts: ConflictSets = new Map();
  for (const [id, vs] of fields) {
    if (id === workflow) continue;
    const hit = vs.set.intersection(changed);
    if (!hit.empty()) conflicts.set(id, { set: hit, apiVersion: vs.apiVersion, applied: false });
  }
  if (!force && conflicts.size) return { ok: false, conflicts };
  const out = new Map<string, VersionedSet>();
  for (const [id, vs] of fields) {
    if (id === workflow) {
      out.set(id, vs);
      continue;
    }
    let set = vs.set;
    const hit = conflicts.get(id);
    if (hit) set = set.difference(hit.set);
    set = set.difference(c.removed);
    if (set === vs.set) out.set(id, vs);
    else if (!set.empty()) out.set(id, { ...vs, set });
  }
  return { ok: true, fields: out, comparison: c };
}

/** Updater.Update: `manager` takes every field the write added or changed. */
export function updaterUpdate(ctx: UpdaterContext, live: unknown, next: unknown, apiVersion: string, managed: Managed, manager: string): Managed {
  const r = updateOthers(ctx, live, next, managed.fields, manager, true);
  if (!r.ok) throw new Error('forced update cannot conflict');
  const c = r.comparison;
  const prev = r.fields.get(manager)?.set ?? new FieldSet();
  const set = ofFilter(prev.difference(c.removed).union(c.changed), ctx.resetFields);
  const fields = new Map(r.fields);
  if (set.empty()) fields.delete(manager);
  else fields.set(manager, { set, apiVersion, applied: false });
  return { fields, times: new Map(managed.times) };
}

export type ApplyResult =
  | { ok: true; object: unknown; changed: boolean; managed: Managed }
  | { ok: false; conflicts: ConflictSets };

/**
 * Updater.Apply: merge the configuration into the live object, hand the
 * applier exactly the configuration's fields, prune what it stopped
 * applying, and take ownership from others (or report conflicts).
 */
export function updaterApply(
  ctx: UpdaterContext,
  live: unknown,
  config: unknown,
  apiVersion: string,
  managed: Managed,
  manager: string,
  force: boolean,
): ApplyResult {
  let next: unknown = merge(live, config, ctx.schema) ?? {};
  const lastSet = managed.fields.get(manager);
  const fields = new Map(managed.fields);
  fields.set(manager, { set: ofFilter(toFieldSet(config, ctx.schema), ctx.resetFields), apiVersion, applied: true });
  next = prune(ctx, next, fields, lastSet);
  const r = updateOthers(ctx, live, next, fields, manager, force);
  if (!r.ok) return r;
  return { ok: true, object: next, changed: !jsonEqual(live, next), managed: { fields: r.fields, times: new Map(managed.times) } };
}

/**
 * Updater.prune: remove what the applier applied last time and not this
 * time, unless some manager (or the new configuration) still owns it.
 */
function prune(ctx: UpdaterContext, merged: unknown, fields: Map<string, VersionedSet>, lastSet: VersionedSet | undefined): unknown {
  if (!lastSet || lastSet.set.empty()) return merged;
  const s = ctx.schema;
  const enf = (set: FieldSet) => ensureNamedFieldsAreMembers(set, s);
  const last = enf(lastSet.set);
  let pruned: unknown = removeItems(merged, last, s) ?? {};

  // addBackOwnedItems
  let managedAll = new FieldSet();
  for (const vs of fields.values()) managedAll = managedAll.union(vs.set);
  const mergedSet = enf(toFieldSet(merged, s));
  pruned = removeItems(merged, mergedSet.difference(enf(toFieldSet(pruned, s)).union(enf(managedAll))), s) ?? {};

  // addBackDanglingItems: only what this applier used to own may go.
  const prunedSet = enf(toFieldSet(pruned, s));
  return removeItems(merged, mergedSet.difference(prunedSet).intersection(last), s) ?? {};
}
