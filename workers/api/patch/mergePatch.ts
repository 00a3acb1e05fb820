/**
 * JSON merge patch (RFC 7386) with the quirks of gopkg.in/evanphx/json-patch.v4
 * v4.12.0 MergePatch, which the API server uses (merge.go):
 * - a `null` patch, or a patch that is a string/number/boolean, is refused
 *   ("Invalid JSON Patch");
 * - an array patch replaces the whole document;
 * - a live key holding `null` counts as absent;
 * - nulls are pruned from values copied in, including maps inside arrays,
 *   but null array items stay.
 */
import { clone } from '../object';
import { hasKey, isJsonMap, putKey as put, type JsonMap } from './json';

export type MergePatchResult = { ok: true; value: unknown } | { ok: false; message: 'Invalid JSON Patch' };

/** Applies `patch` to a copy of `original`; neither input is changed. */
export function mergePatch(original: JsonMap, patch: unknown): MergePatchResult {
  if (Array.isArray(patch)) {
    const value = clone(patch);
    pruneNulls(value);
    return { ok: true, value };
  }
  if (!isJsonMap(patch)) return { ok: false, message: 'Invalid JSON Patch' };
  const doc = clone(original);
  mergeDocs(doc, clone(patch));
  return { ok: true, value: doc };
}

function mergeDocs(doc: JsonMap, patch: JsonMap): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = hasKey(doc, k) ? doc[k] : null;
    if (cur === null) {
      pruneNulls(v);
      put(doc, k, v);
    } else {
      put(doc, k, merge(cur, v));
    }
  }
}

function merge(cur: unknown, patch: unknown): unknown {
  if (!isJsonMap(cur)) {
    pruneNulls(patch);
    return patch;
  }
  if (!isJsonMap(patch)) return patch;
  mergeDocs(cur, patch);
  return cur;
}

function pruneNulls(v: unknown): void {
  if (isJsonMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else pruneNulls(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const item of v) if (item !== null) pruneNulls(item);
  }
}
