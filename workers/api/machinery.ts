/**
 * The real implementations behind the API server's pluggable steps: schema
 * decoding, object-meta validation, selectors, printers, patches, field
 * management and admission.
 */
import type { Rng } from '../clock/prng';
import type { Registry } from './kinds/registry';
import type { ResourceType } from './kinds/types';
import type { Machinery, Selector } from './machinery.types';
import { apiVersionOf } from './object';
import * as S from './status';
import { decodeObject } from './decode';
import { definitionNameForGVK, loadedDefinitions } from './openapi';
import { applyPatch, schemaFromDefinitions, type PatchSchema, type OpenApiDefinitions } from './patch';
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
      const r = applyPatch(contentType, original, patch, schemaOf(rt));
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

