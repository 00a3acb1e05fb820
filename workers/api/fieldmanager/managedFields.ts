/**
 * metadata.managedFields after a create, update or non-apply patch, as
 * upstream's FieldManager.UpdateNoErrors computes it
 * (apimachinery/pkg/util/managedfields/internal/fieldmanager.go and the
 * managers it chains).
 */
import type { KubeObject } from '../object';
import type { PatchSchema } from '../patch/schema';
import { firstOwnerFieldsV1 } from './firstOwner';
import { capUpdateManagers, decodeManagedFields, emptyManaged, encodeEntry, encodeManagedFields, markEmitted, type Managed, type ManagedFieldsEntry } from './managers';
import { defaultResetFields, identifierFor, resetFieldSet, STRIP_PATHS, trackUpdate } from './pipeline';
import { ignoreFor } from './updater';

export interface UpdateManagedFieldsInput {
  /** The stored object; undefined on create. */
  old: KubeObject | undefined;
  /** The object about to be stored (defaulted, prepared). Its own managedFields, if any, are what the client sent. */
  next: KubeObject;
  /** The fieldManager parameter, or the user agent's prefix; empty becomes "unknown". */
  manager: string;
  /** The request's group/version, e.g. `apps/v1`. */
  apiVersion: string;
  /** RFC 3339, seconds. */
  time: string;
  subresource?: string;
  schema: PatchSchema | undefined;
  /** Paths the strategy resets; defaults from `subresources` (see defaultResetFields). */
  resetFields?: string[][];
  /** The resource's subresources, used when resetFields is not given. */
  subresources?: readonly string[];
  /** Take the general path even where a shortcut gives the same answer (tests compare the two). */
  general?: boolean;
}

/** `[]` or `[{}]` in a request clears managedFields (isResetManagedFields). */
function isReset(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  if (list.length === 0) return true;
  const only: unknown = list[0];
  return list.length === 1 && typeof only === 'object' && only !== null && Object.keys(only).length === 0;
}

/**
 * decodeLiveOrNew: a client may rewrite managedFields on the main resource
 * (unless it sends garbage or nothing, then the stored ones stay);
 * subresource writes always start from the stored ones.
 */
function startingPoint(old: KubeObject | undefined, next: KubeObject, subresource: string | undefined): Managed {
  if (subresource) return storedManaged(old);
  const sent = next.metadata?.managedFields;
  if (isReset(sent)) return emptyManaged();
  const m = decodeManagedFields(sent);
  if (m instanceof Error || m.fields.size === 0) return storedManaged(old);
  return m;
}

function storedManaged(old: KubeObject | undefined): Managed {
  const m = decodeManagedFields(old?.metadata?.managedFields);
  return m instanceof Error ? emptyManaged() : m;
}

/** The new managedFields; undefined when the object should carry none. */
export function updateManagedFields(input: UpdateManagedFieldsInput): ManagedFieldsEntry[] | undefined {
  const { old, next, apiVersion, time, subresource } = input;
  let managed = startingPoint(old, next, subresource);

  // skipNonAppliedManager: an existing object nobody tracks stays untracked
  // (someone cleared its managedFields on purpose).
  if (managed.fields.size === 0 && old?.metadata?.uid) return undefined;

  const live: unknown = old ?? { apiVersion: next.apiVersion, kind: next.kind };
  const resetFields = resetFieldSet(input.resetFields ?? defaultResetFields(input.subresources, subresource));
  const id = identifierFor(input.manager, 'Update', apiVersion, subresource);
  if (managed.fields.size === 0 && !input.general) {
    // Nobody owns anything yet (every create): one entry, straight to JSON.
    const fieldsV1 = firstOwnerFieldsV1(live, next, input.schema, ignoreFor(resetFields), STRIP_PATHS);
    if (!fieldsV1) return undefined;
    markEmitted(fieldsV1);
    return [encodeEntry(id, false, apiVersion, time, fieldsV1)];
  }
  managed = trackUpdate({ schema: input.schema, resetFields }, live, next, managed, id, apiVersion, time);
  return encodeManagedFields(capUpdateManagers(managed));
}
