/**
 * Strategic merge patch as the API server applies it
 * (strategicpatch.StrategicMergeMapPatch, i.e. mergeMap with
 * MergeParallelList and IgnoreUnmatchedNulls). Mirrors
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go at v0.32.
 */
import { clone } from '../object';
import { goTypeName, goV } from './goFormat';
import { hasKey, isJsonMap, putKey as put, type JsonMap } from './json';
import {
  deduplicateScalars,
  findByMergeKey,
  normalizeElementOrder,
  partitionMaps,
  partitionPrimitives,
  scalarEqual,
} from './listOrder';
import type { PatchSchema } from './schema';
import { badArgType, badPatchType, fail, noMergeKey, other, sentinel, SmpFailure, type SmpError } from './smpErrors';

export type { SmpError, SmpErrorType } from './smpErrors';

export type SmpResult = { ok: true; object: Record<string, unknown> } | { ok: false; error: SmpError };

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

/**
 * Applies `patch` to a copy of `original`; neither input is changed.
 * `schema` undefined means the kind has no Go struct to read patch metadata
 * from (custom resources): upstream refuses those.
 */
export function strategicMergePatch(original: JsonMap, patch: unknown, schema: PatchSchema | undefined): SmpResult {
  if (!schema) return { ok: false, error: sentinel('UnsupportedStrategicMergePatchFormat') };
  if (patch !== null && !isJsonMap(patch)) return { ok: false, error: sentinel('BadJSONDoc') };
  try {
    const merged = mergeMap(clone(original), patch === null ? {} : clone(patch), schema);
    stripDirectives(merged);
    return { ok: true, object: merged };
  } catch (e) {
    if (e instanceof SmpFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Patch metadata of one field, as LookupPatchMetadataForStruct/ForSlice give it. */
interface FieldMeta {
  /** Schema of the field's value (maps) or of its items (lists). */
  schema: PatchSchema | undefined;
  strategy: string;
  mergeKey: string;
}

function fieldMeta(parent: PatchSchema | undefined, key: string, forList: boolean): FieldMeta {
  const field = parent?.field(key);
  return {
    schema: forList ? field?.items() : field,
    strategy: strategyOf(field?.patchStrategy),
    mergeKey: field?.patchMergeKey ?? '',
  };
}

/** extractRetainKeysPatchStrategy: the strategy besides retainKeys ('' when none). */
function strategyOf(tag: string | undefined): string {
  const parts = (tag ?? '').split(',');
  if (parts.length === 1) return parts[0] === 'retainKeys' ? '' : parts[0];
  if (parts.length === 2) {
    if (parts[0] === 'retainKeys') return parts[1];
    if (parts[1] === 'retainKeys') return parts[0];
  }
  return fail(other(`unexpected patch strategy: [${parts.join(' ')}]`));
}

/** What PatchMetaFromStruct.Name() says about a list's item type in errors. */
function typeKindName(schema: PatchSchema | undefined): string {
  switch (schema?.kind) {
    case 'object':
      return 'struct';
    case 'map':
      return 'map';
    case 'list':
      return 'slice';
    case 'primitive':
      return 'string';
    default:
      return 'interface';
  }
}

/** removeDirectives: drops maps carrying `$patch` (and their keys) from a value copied in whole. */
function removeDirectives(v: unknown): { keep: boolean; value: unknown } {
  if (isJsonMap(v)) {
    if (hasKey(v, DIRECTIVE)) return { keep: false, value: undefined };
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k]);
      if (r.keep) v[k] = r.value;
      else delete v[k];
    }
    return { keep: true, value: v };
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) {
      const r = removeDirectives(item);
      if (r.keep) out.push(r.value);
    }
    return { keep: true, value: out };
  }
  return { keep: true, value: v };
}

/** discardNullValuesFromPatch */
function discardNulls(v: unknown): void {
  if (isJsonMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNulls(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const item of v) discardNulls(item);
  }
}

/** Key after `<prefix>/`; malformed directive keys get their sentinel error. */
function extractKey(key: string, prefix: typeof DELETE_FROM_PRIMITIVE_LIST | typeof SET_ELEMENT_ORDER): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    fail(sentinel(prefix === DELETE_FROM_PRIMITIVE_LIST ? 'BadPatchFormatForPrimitiveList' : 'BadPatchFormatForSetElementOrderList'));
  }
  return key.slice(slash + 1);
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema | undefined): JsonMap {
  if (hasKey(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    return fail(badPatchType(directive, patch));
  }

  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema);

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey];
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }

    if (patchV === null) {
      delete original[key];
      continue;
    }

    const takePatchValue = () => {
      if (isDeleteList) return;
      discardNulls(patchV);
      const r = removeDirectives(patchV);
      if (r.keep) put(original, key, r.value);
      else delete original[key];
    };

    if (!hasKey(original, key)) {
      takePatchValue();
      continue;
    }
    const originalV = original[key];
    if (goTypeName(originalV) !== goTypeName(patchV)) {
      takePatchValue();
      continue;
    }

    if (isJsonMap(originalV) && isJsonMap(patchV)) {
      const meta = fieldMeta(schema, key, false);
      put(original, key, meta.strategy === 'replace' ? patchV : mergeMap(originalV, patchV, meta.schema));
    } else if (Array.isArray(originalV) && Array.isArray(patchV)) {
      const meta = fieldMeta(schema, key, true);
      put(original, key, mergeSliceHandler(originalV, patchV, meta, isDeleteList));
    } else {
      // Scalars of the same type: the patch wins.
      put(original, key, patchV);
    }
  }
  return original;
}

/** `$retainKeys`: every key the patch sets must be listed; unlisted keys are cleared from the original. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!hasKey(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) fail(sentinel('BadPatchFormatForRetainKeys'));
  const listed = (k: string) => retain.some((r) => r === k);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!listed(k)) fail(sentinel('BadPatchFormatForRetainKeys'));
  }
  for (const k of Object.keys(original)) if (!listed(k)) delete original[k];
}

/** `$setElementOrder/<list>`: merge that list now and order it by the directive (mergePatchIntoOriginal). */
function applySetElementOrder(original: JsonMap, patch: JsonMap, schema: PatchSchema | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) fail(badArgType('[]interface {}', order));
    const listKey = extractKey(key, SET_ELEMENT_ORDER);

    const foundOriginal = hasKey(original, listKey);
    const foundPatch = hasKey(patch, listKey);
    const originalList = original[listKey];
    const patchList = patch[listKey];
    if (foundOriginal && !Array.isArray(originalList)) fail(badArgType('[]interface {}', originalList));
    if (foundPatch && !Array.isArray(patchList)) fail(badArgType('[]interface {}', patchList));
    const originalItems = foundOriginal ? (originalList as unknown[]) : [];
    const patchItems = foundPatch ? (patchList as unknown[]) : [];

    const meta = fieldMeta(schema, listKey, true);
    validatePatchWithSetOrderList(patchItems, order, meta.mergeKey);

    let merged: unknown[];
    if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalItems, patchItems, meta, false);
    else if (foundOriginal) merged = originalItems;
    else if (foundPatch) merged = removeDirectives(patchItems).value as unknown[];
    else continue;

    const { inList, rest } = meta.mergeKey ? partitionMaps(merged, order, meta.mergeKey) : partitionPrimitives(merged, order);
    const isMap = sliceElementKind(originalItems, patchItems) === 'map[string]interface {}';
    put(original, listKey, normalizeElementOrder(inList, rest, order, originalItems, meta.mergeKey, isMap));
    delete patch[listKey];
  }
}

/**
 * The patch list's items must appear in `$setElementOrder` in the same
 * relative order (deletions and directive items aside).
 */
function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey) {
    items = [];
    for (const v of patchList) {
      if (!isJsonMap(v)) fail(badArgType('map[string]interface {}', v));
      if (v[DIRECTIVE] !== 'delete') items.push(v);
    }
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p];
    if (isJsonMap(item) && hasKey(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    fail(other(`The order in patch list:\n${goV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goV(order)}\n`));
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return scalarEqual(left, right);
  if (!isJsonMap(left)) fail(badArgType('map[string]interface {}', left));
  if (!isJsonMap(right)) fail(badArgType('map[string]interface {}', right));
  if (!hasKey(left, mergeKey)) fail(noMergeKey(left, mergeKey));
  if (!hasKey(right, mergeKey)) fail(noMergeKey(right, mergeKey));
  return scalarEqual(left[mergeKey], right[mergeKey]);
}

function mergeSliceHandler(original: unknown[], patch: unknown[], meta: FieldMeta, isDeleteList: boolean): unknown[] {
  // Delete lists apply whatever the field's strategy; otherwise only `merge` lists merge.
  if (meta.strategy === 'merge' || isDeleteList) return mergeSlice(original, patch, meta, isDeleteList);
  return patch;
}

/** The one Go type all items of the given lists share (sliceElementType). */
function sliceElementKind(...lists: unknown[][]): string {
  let kind: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = goTypeName(v);
      if (kind === undefined) {
        kind = t;
        if (t === '[]interface {}') fail(sentinel('NoListOfLists'));
      } else if (kind !== t) {
        fail(other(`list element types are not identical: ${goV(lists)}`));
      }
    }
  }
  if (kind === undefined) fail(other('no elements in any of the given slices'));
  return kind;
}

function mergeSlice(original: unknown[], patch: unknown[], meta: FieldMeta, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const isMap = sliceElementKind(original, patch) === 'map[string]interface {}';
  const { mergeKey } = meta;

  let merged: unknown[];
  let base = original;
  let rest = patch;
  if (!isMap) {
    if (isDeleteList) return original.filter((v) => !patch.some((d) => scalarEqual(d, v)));
    merged = deduplicateScalars(original.concat(patch));
  } else {
    if (!mergeKey) fail(other(`cannot merge lists without merge key for ${typeKindName(meta.schema)}`));
    ({ base, rest } = applyListDirectives(original, patch, mergeKey));
    merged = mergeListItems(base, rest, mergeKey, meta.schema);
  }

  const { inList, rest: serverOnly } = mergeKey ? partitionMaps(merged, rest, mergeKey) : partitionPrimitives(merged, rest);
  return normalizeElementOrder(inList, serverOnly, rest, base, mergeKey, isMap);
}

/**
 * Items carrying `$patch` (mergeSliceWithSpecialElements): `delete` removes
 * every live item with that key, `replace` makes the other patch items the
 * whole list, `merge` is refused.
 */
function applyListDirectives(original: unknown[], patch: unknown[], mergeKey: string): { base: unknown[]; rest: unknown[] } {
  let base = original;
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonMap;
    if (!hasKey(item, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!hasKey(item, mergeKey)) fail(noMergeKey(item, mergeKey));
      const value = item[mergeKey];
      base = base.slice();
      for (let i = findByMergeKey(base, mergeKey, value); i >= 0; i = findByMergeKey(base, mergeKey, value)) base.splice(i, 1);
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      fail(other('merging lists cannot yet be specified in the patch'));
    } else {
      fail(badPatchType(directive, item));
    }
  }
  return replace ? { base: plain, rest: [] } : { base, rest: plain };
}

/** Merges each patch item into the live item with the same key, or appends it (mergeSliceWithoutSpecialElements). */
function mergeListItems(base: unknown[], patch: unknown[], mergeKey: string, itemSchema: PatchSchema | undefined): unknown[] {
  const out = base.slice();
  for (const v of patch) {
    const item = v as JsonMap;
    if (!hasKey(item, mergeKey)) fail(noMergeKey(item, mergeKey));
    const i = findByMergeKey(out, mergeKey, item[mergeKey]);
    if (i >= 0) out[i] = mergeMap(out[i] as JsonMap, item, itemSchema);
    else out.push(v);
  }
  return out;
}

/**
 * Directive keys left in values copied in whole (added list items, `replace`
 * lists and maps) are unknown fields to the typed decode that follows
 * upstream's merge, so they never reach storage; drop them the same way.
 */
function stripDirectives(v: unknown): void {
  if (Array.isArray(v)) {
    for (const item of v) stripDirectives(item);
  } else if (isJsonMap(v)) {
    for (const k of Object.keys(v)) {
      if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(`${SET_ELEMENT_ORDER}/`) || k.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`)) {
        delete v[k];
      } else {
        stripDirectives(v[k]);
      }
    }
  }
}
