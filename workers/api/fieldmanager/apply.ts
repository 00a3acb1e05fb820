/**
 * Server-side apply (PATCH application/apply-patch+yaml), as upstream's
 * FieldManager.Apply runs it through its chain of managers
 * (apimachinery/pkg/util/managedfields/internal): version check, the
 * client-side-apply upgrade path, tracking of pre-existing fields, manager
 * identity, managedFields timestamps, metadata stripping and
 * structured-merge-diff's Updater.Apply.
 */
import { clone, parseApiVersion, type KubeObject } from '../object';
import type { PatchSchema } from '../patch/schema';
import type { Status } from '../status';
import { conflictStatus, conflictsFromSets, type ApplyConflict } from './conflict';
import { allowedConflictsFromLastApplied, buildLastApplied, conflictsOutside, hasLastApplied, setLastApplied, UPGRADING_MANAGER } from './lastApplied';
import { capUpdateManagers, decodeManagedFields, encodeManagedFields, type Managed } from './managers';
import { defaultResetFields, identifierFor, resetFieldSet, stripMeta, trackUpdate, withoutManagedFields } from './pipeline';
import { isMap } from './schemaInfo';
import { updaterApply, type ConflictSets, type UpdaterContext } from './updater';
import { validateApplied, validationErrorsText } from './validate';

export interface ServerSideApplyInput {
  /** The stored object; undefined when the apply creates it. */
  live: KubeObject | undefined;
  /** The decoded apply patch. */
  applied: Record<string, unknown>;
  /** The fieldManager parameter (required for apply; validate it with validatePatchOptions first). */
  manager: string;
  force: boolean;
  /** The request's group/version and kind, e.g. `apps/v1`, `Deployment`. */
  apiVersion: string;
  kind: string;
  /** RFC 3339, seconds. */
  time: string;
  schema: PatchSchema | undefined;
  subresource?: string;
  /** Paths the strategy resets; defaults from `subresources` (see defaultResetFields). */
  resetFields?: string[][];
  subresources?: readonly string[];
}

export type ServerSideApplyResult =
  | { ok: true; object: KubeObject; changed: boolean }
  | { ok: false; status: Status; conflicts?: ApplyConflict[] };

const BEFORE_FIRST_APPLY = 'before-first-apply';

/** An error upstream returns as a plain Go error: 500 with no reason (ErrorToAPIStatus). */
const unknownError = (message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });

const badRequest = (message: string): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason: 'BadRequest',
  code: 400,
});

/** GroupVersionKind.String(): `apps/v1, Kind=Deployment`, `/v1, Kind=Pod`. */
function gvkString(apiVersion: unknown, kind: unknown): string {
  const gv = typeof apiVersion === 'string' ? parseApiVersion(apiVersion) : { group: '', version: '' };
  return `${gv.group}/${gv.version}, Kind=${typeof kind === 'string' ? kind : ''}`;
}

/** Go's JSON-to-struct round trip drops nulls from objects. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isMap(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
  return out;
}

type Inner = { ok: true; object: Record<string, unknown>; changed: boolean; managed: Managed } | { ok: false; conflicts: ConflictSets } | { ok: false; status: Status };

export function serverSideApply(input: ServerSideApplyInput): ServerSideApplyResult {
  const { live, applied, manager, apiVersion, kind, time, subresource } = input;

  const decoded = decodeManagedFields(live?.metadata?.managedFields);
  if (decoded instanceof Error) return { ok: false, status: unknownError(`failed to decode managed fields: ${decoded.message}`) };

  // versionCheckManager
  const appliedGvk = gvkString(applied.apiVersion, applied.kind);
  if (appliedGvk !== gvkString(apiVersion, kind)) return { ok: false, status: badRequest(`invalid object type: ${appliedGvk}`) };

  const ctx: UpdaterContext = {
    schema: input.schema,
    resetFields: resetFieldSet(input.resetFields ?? defaultResetFields(input.subresources, subresource)),
  };
  const liveObj: Record<string, unknown> = live ? (live as Record<string, unknown>) : { apiVersion, kind };

  const inner = (force: boolean): Inner => {
    let managed = decoded;
    // skipNonAppliedManager: fields that exist before anyone tracked them belong to "before-first-apply".
    if (managed.fields.size === 0) {
      const id = identifierFor(BEFORE_FIRST_APPLY, 'Update', apiVersion, subresource);
      managed = capUpdateManagers(trackUpdate(ctx, { apiVersion, kind }, liveObj, managed, id, apiVersion, time));
    }
    const id = identifierFor(manager, 'Apply', apiVersion, subresource);

    // structuredMergeManager.Apply
    const meta = applied.metadata;
    if (isMap(meta) && meta.managedFields !== undefined && meta.managedFields !== null) {
      return { ok: false, status: badRequest('metadata.managedFields must be nil') };
    }
    const errs = validateApplied(applied, input.schema);
    if (errs.length) {
      const ns = isMap(meta) && typeof meta.namespace === 'string' ? meta.namespace : '';
      const name = isMap(meta) && typeof meta.name === 'string' ? meta.name : '';
      return { ok: false, status: unknownError(`failed to create typed patch object (${ns}/${name}; ${appliedGvk}): ${validationErrorsText(errs)}`) };
    }
    const liveClean = withoutManagedFields(liveObj);
    const r = updaterApply(ctx, liveClean, applied, apiVersion, managed, id, force);
    if (!r.ok) return r;
    managed = stripMeta(r.managed, id);
    // managedFieldsUpdater: the applier's time moves only when the object does.
    if (r.changed) {
      managed = { fields: managed.fields, times: new Map(managed.times).set(id, time) };
      return { ok: true, object: dropNulls(r.object) as Record<string, unknown>, changed: true, managed };
    }
    return { ok: true, object: clone(liveClean) as Record<string, unknown>, changed: false, managed };
  };

  let res = inner(input.force);
  // lastAppliedManager: kubectl may take over what its client-side apply still matches.
  if (!res.ok && 'conflicts' in res && manager === UPGRADING_MANAGER) {
    const allowed = allowedConflictsFromLastApplied(withoutManagedFields(liveObj), apiVersion, input.schema);
    if (allowed) {
      const left = conflictsOutside(res.conflicts, allowed);
      res = left.size ? { ok: false, conflicts: left } : inner(true);
    }
  }
  if (!res.ok) {
    if ('status' in res) return { ok: false, status: res.status };
    const conflicts = conflictsFromSets(res.conflicts);
    return { ok: false, status: conflictStatus(conflicts), conflicts };
  }

  const object = res.object;
  if (!isMap(object.metadata)) object.metadata = {};
  const mf = encodeManagedFields(res.managed);
  const metadata = object.metadata as Record<string, unknown>;
  if (mf) metadata.managedFields = mf;
  else delete metadata.managedFields;

  // lastAppliedUpdater: keep the client-side annotation in step, when there is one.
  if (manager === UPGRADING_MANAGER && hasLastApplied(object)) setLastApplied(object, buildLastApplied(applied));

  return { ok: true, object: object as KubeObject, changed: res.changed };
}
