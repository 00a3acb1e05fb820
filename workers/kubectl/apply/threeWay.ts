/**
 * kubectl's client-side apply patch: a three-way strategic merge patch from
 * the last applied configuration (original), the manifest (modified) and the
 * live object (current). Re-expresses strategicpatch.CreateThreeWayMergePatch
 * (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go): changes and
 * additions come from diff(current, modified) ignoring deletions, deletions
 * from diff(original, modified) ignoring changes; lists with a merge key are
 * diffed item by item, other lists are replaced. Without a schema (custom
 * resources) it is a JSON merge patch: every list is replaced.
 */
import type { PatchSchema } from '../../api/patch';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema | undefined, o: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  for (const key of Object.keys(modified)) {
    const mod = modified[key];
    if (!(key in original)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key];
    const field = schema?.field(key);
    const replace = field?.patchStrategy?.split(',').includes('replace');
    if (isMap(orig) && isMap(mod) && !replace && field?.mapType !== 'atomic') {
      const sub = diffMaps(orig, mod, field, o);
      if (Object.keys(sub).length) patch[key] = sub;
      continue;
    }
    if (Array.isArray(orig) && Array.isArray(mod) && field?.patchStrategy?.split(',').includes('merge')) {
      diffList(key, orig, mod, field, o, patch);
      continue;
    }
    if (!equal(orig, mod) && !o.ignoreChangesAndAdditions) patch[key] = mod;
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  return patch;
}

function diffList(key: string, orig: Json[], mod: Json[], field: PatchSchema, o: DiffOptions, patch: JsonMap): void {
  const mergeKey = field.patchMergeKey;
  const items = field.items();
  if (mergeKey && (mod.every(isMap) && orig.every(isMap))) {
    const out: Json[] = [];
    const byKey = (list: Json[], k: Json) => list.find((x) => isMap(x) && equal(x[mergeKey], k)) as JsonMap | undefined;
    for (const m of mod as JsonMap[]) {
      const prev = byKey(orig, m[mergeKey]);
      if (!prev) {
        if (!o.ignoreChangesAndAdditions) out.push(m);
        continue;
      }
      const sub = diffMaps(prev, m, items, o);
      if (Object.keys(sub).length) out.push({ [mergeKey]: m[mergeKey], ...sub });
    }
    if (!o.ignoreDeletions) for (const p of orig as JsonMap[]) if (!byKey(mod, p[mergeKey])) out.push({ [mergeKey]: p[mergeKey], $patch: 'delete' });
    if (out.length) patch[key] = out;
    if (out.length && !o.ignoreChangesAndAdditions) patch[`$setElementOrder/${key}`] = (mod as JsonMap[]).map((m) => ({ [mergeKey]: m[mergeKey] }));
    return;
  }
  // A merging list of primitives: additions are listed, deletions named in a directive.
  const added = mod.filter((m) => !orig.some((x) => equal(x, m)));
  const removed = orig.filter((x) => !mod.some((m) => equal(x, m)));
  if (added.length && !o.ignoreChangesAndAdditions) patch[key] = added;
  if (removed.length && !o.ignoreDeletions) patch[`$deleteFromPrimitiveList/${key}`] = removed;
  if (added.length && !o.ignoreChangesAndAdditions) patch[`$setElementOrder/${key}`] = mod;
}

/** Merge the deletions patch into the delta patch (delta wins). */
function mergePatches(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (isMap(prev) && isMap(v)) out[k] = mergePatches(prev, v);
    else if (Array.isArray(prev) && Array.isArray(v) && !k.startsWith('$setElementOrder/')) out[k] = [...prev, ...v];
    else out[k] = v;
  }
  return out;
}

export function threeWayPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, schema: PatchSchema | undefined): JsonMap {
  if (!schema) return threeWayMergePatch(original, modified, current);
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = original ? diffMaps(original, modified, schema, { ignoreDeletions: false, ignoreChangesAndAdditions: true }) : {};
  return mergePatches(deletions, delta);
}

/** jsonmergepatch.CreateThreeWayJSONMergePatch, for kinds without a strategic schema. */
function threeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const noSchema: PatchSchema | undefined = undefined;
  const delta = diffMaps(current, modified, noSchema, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = original ? diffMaps(original, modified, noSchema, { ignoreDeletions: false, ignoreChangesAndAdditions: true }) : {};
  return mergePatches(deletions, delta);
}
