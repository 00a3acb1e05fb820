/**
 * The real implementations behind the API server's pluggable steps: schema
 * decoding, object-meta validation, selectors, printers, patches, field
 * management and admission.
 */
import type { Rng } from '../clock/prng';
import type { Registry } from './kinds/registry';
import type { ResourceType } from './kinds/types';
import type { Machinery, Selector } from './machinery.types';
import { apiVersionOf, type KubeObject } from './object';
import * as S from './status';
import { decodeObject } from './decode';
import { definitionNameForGVK, loadedDefinitions } from './openapi';
import { applyPatch, schemaFromDefinitions, strategicMergePatch, STRATEGIC_MERGE_PATCH, type PatchSchema, type OpenApiDefinitions } from './patch';
import { buildTable, negotiateTable, parseIncludeObject, printerFor } from './printers';
import { parseLabelSelector } from './selectors/labels';
import { fieldsFor, matchFields, parseFieldSelectorFor } from './selectors/fields';
import { runAdmission, admissionRequestFrom } from './admission';
import { serverSideApply } from './fieldmanager/apply';
import { updateManagedFields } from './fieldmanager/managedFields';
import { validateObjectMeta, validateObjectMetaUpdate } from './validation/objectMeta';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsValidPathSegment, type NameFn } from './validation/names';
import { Path } from './validation/field';

const NAME_RULES: Record<NonNullable<ResourceType['nameRule']>, NameFn> = {
  subdomain: nameIsDNSSubdomain,
  label: nameIsDNSLabel,
  dns1035: nameIsDNS1035Label,
  path: nameIsValidPathSegment,
};

export function createMachinery(_registry: Registry, rng: Rng): Machinery {
  const schemas = new Map<string, PatchSchema | undefined>();
  const schemaOf = (rt: ResourceType): PatchSchema | undefined => {
    const k = `${rt.group}/${rt.version}/${rt.kind}`;
    if (!schemas.has(k)) {
      const defs = loadedDefinitions();
      const name = definitionNameForGVK(defs, { group: rt.group, version: rt.version, kind: rt.kind });
      schemas.set(k, name ? schemaFromDefinitions(defs as unknown as OpenApiDefinitions, name) : undefined);
    }
    return schemas.get(k);
  };
  const hasDefinition = (rt: ResourceType) => !!definitionNameForGVK(loadedDefinitions(), { group: rt.group, version: rt.version, kind: rt.kind });

  return {
    decode(rt, obj, mode) {
      if (!hasDefinition(rt)) return { errors: [], warnings: [] };
      return decodeObject(loadedDefinitions(), { group: rt.group, version: rt.version, kind: rt.kind }, obj, mode, { prune: mode !== 'Strict' });
    },
    validateObjectMeta: (rt, obj, pathSegment) =>
      validateObjectMeta(obj.metadata, rt.namespaced, pathSegment ? nameIsValidPathSegment : NAME_RULES[rt.nameRule ?? 'subdomain'], Path.root('metadata')),
    validateObjectMetaUpdate: (_rt, obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata, Path.root('metadata')),
    parseLabelSelector(s) {
      const r = parseLabelSelector(s);
      if (!r.ok) return S.badRequest(r.error);
      const sel = r.selector;
      return { empty: sel.empty(), matches: (labels) => sel.matches(labels) } satisfies Selector;
    },
    parseFieldSelector(rt, s) {
      const r = parseFieldSelectorFor(s, rt.group, rt.kind);
      if (!r.ok) return S.badRequest(r.error);
      const sel = r.selector;
      return { empty: sel.terms.length === 0, matches: (fields) => matchFields(sel, fields) } satisfies Selector;
    },
    fieldsOf: (rt, obj) => fieldsFor(rt.group, rt.kind, obj),
    table(rt, objects, now, opts) {
      const include = parseIncludeObject(opts.includeObject);
      return buildTable(printerFor(rt.group, rt.kind), objects, now, {
        noHeaders: opts.noHeaders,
        includeObject: S.isStatus(include) ? 'Metadata' : include,
        apiVersion: negotiateTable(opts.accept) ?? 'meta.k8s.io/v1',
        listMeta: { resourceVersion: opts.resourceVersion, continue: opts.continueToken, remainingItemCount: opts.remainingItemCount },
      });
    },
    patch(rt, contentType, original, patch) {
      const schema = schemaOf(rt);
      const touched = contentType === STRATEGIC_MERGE_PATCH && schema ? strategicMergeTouched(original, patch, schema) : undefined;
      if (touched) return { ok: true, object: touched as KubeObject };
      const r = applyPatch(contentType, original, patch, schema);
      if (r.ok) return { ok: true, object: r.object };
      if ('route' in r) return { ok: false, status: S.badRequest('apply patches are served by server-side apply') };
      return { ok: false, status: r.status };
    },
    apply(rt, live, applied, manager, force, time) {
      const r = serverSideApply({
        live,
        applied: applied as Record<string, unknown>,
        manager,
        force,
        apiVersion: apiVersionOf(rt.group, rt.version),
        kind: rt.kind,
        time,
        schema: schemaOf(rt),
        subresources: rt.subresources,
      });
      return r.ok ? { ok: true, object: r.object } : { ok: false, status: r.status };
    },
    managedFields(rt, old, next, manager, time, subresource) {
      return updateManagedFields({ old, next, manager, apiVersion: apiVersionOf(rt.group, rt.version), time, subresource, schema: schemaOf(rt), subresources: rt.subresources });
    },
    admit(input) {
      return runAdmission(admissionRequestFrom(input, rng));
    },
  };
}


type JsonMap = Record<string, unknown>;
const isJsonMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A strategic merge patch applied to only the parts of the object it
 * names. strategicMergePatch copies the whole object first (a pod with its
 * managedFields is mostly what a status patch leaves alone); at a level of
 * the patch without `$` directives, keys the patch does not name are never
 * looked at by the merge, so they are copied here instead and the result
 * is put back together in the original key order. Undefined when the
 * shortcut does not apply or the merge fails: the caller takes the general
 * path, which gives every error as it should. Kept identical to it by
 * machinery.test.ts.
 */
export function strategicMergeTouched(original: KubeObject, patch: unknown, schema: PatchSchema): JsonMap | undefined {
  if (!isJsonMap(patch) || !namedKeys(patch)) return undefined;
  const reduced = reduce(original, patch, schema);
  const r = strategicMergePatch(reduced, patch, schema);
  if (!r.ok) return undefined;
  try {
    return graft(original, reduced, r.object, patch);
  } catch (e) {
    if (e === DIRECTIVE_FOUND) return undefined;
    throw e;
  }
}

const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

/**
 * The keys of the original a level of the patch may change: those it sets,
 * and the lists its `$setElementOrder/` and `$deleteFromPrimitiveList/`
 * directives name. Undefined when another directive (`$patch`,
 * `$retainKeys`, anything unknown) makes the whole level the merge's.
 */
function namedKeys(patch: JsonMap): Set<string> | undefined {
  const out = new Set<string>();
  for (const k of Object.keys(patch)) {
    if (!k.startsWith('$')) out.add(k);
    else if (k.startsWith(SET_ELEMENT_ORDER)) out.add(k.slice(SET_ELEMENT_ORDER.length));
    else if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) out.add(k.slice(DELETE_FROM_PRIMITIVE_LIST.length));
    else return undefined;
  }
  return out;
}

/** The keys of `orig` the patch may change; map values the patch merges into are reduced too. */
function reduce(orig: JsonMap, patch: JsonMap, schema: PatchSchema | undefined): JsonMap {
  const named = namedKeys(patch)!;
  const out: JsonMap = {};
  for (const k of Object.keys(orig)) {
    if (!named.has(k)) continue;
    const o = orig[k];
    const p = Object.prototype.hasOwnProperty.call(patch, k) ? patch[k] : undefined;
    const field = schema?.field(k);
    put(out, k, isJsonMap(o) && isJsonMap(p) && !field?.patchStrategy && namedKeys(p) ? reduce(o, p, field) : o);
  }
  return out;
}

/** `orig` with the merged values of what the patch named, fresh copies of the rest, new keys last. */
function graft(orig: JsonMap, reduced: JsonMap, merged: JsonMap, patch: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const k of Object.keys(orig)) {
    if (!Object.prototype.hasOwnProperty.call(reduced, k)) {
      put(out, k, copyChecked(orig[k]));
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(merged, k)) continue;
    const o = orig[k];
    const m = merged[k];
    // A reduced level (a new object standing for a map of the original) is put back together below.
    put(out, k, reduced[k] !== o && isJsonMap(o) && isJsonMap(m) ? graft(o, reduced[k] as JsonMap, m, patch[k] as JsonMap) : m);
  }
  for (const k of Object.keys(merged)) if (!Object.prototype.hasOwnProperty.call(orig, k)) put(out, k, merged[k]);
  return out;
}

const DIRECTIVE_FOUND = new Error('directive key in the original');

/**
 * A copy of an untouched value. The general path strips directive keys
 * from everything it returns; should the original hold one, give up.
 */
function copyChecked(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyChecked);
  if (Object.getPrototypeOf(v) !== Object.prototype) throw DIRECTIVE_FOUND;
  const out: JsonMap = {};
  for (const k of Object.keys(v)) {
    if (k.startsWith('$') && (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/'))) throw DIRECTIVE_FOUND;
    put(out, k, copyChecked((v as JsonMap)[k]));
  }
  return out;
}

function put(m: JsonMap, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  else m[k] = v;
}
