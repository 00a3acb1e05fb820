/**
 * The API machinery as custom resources need it: decoding prunes by the CRD
 * schema (and reports unknown fields for fieldValidation), tables come from
 * additionalPrinterColumns, and server-side apply and managedFields use the
 * schema's list/map semantics. Built-in kinds go to `base` unchanged; merge
 * and JSON patches need no schema, and `base.patch` already refuses
 * strategic merge (415) for kinds it has no definition for.
 */
import type { Machinery } from '../machinery.types';
import type { ResourceType } from '../kinds/types';
import type { FieldError } from '../validation/field';
import { apiVersionOf } from '../object';
import * as S from '../status';
import { buildTable, negotiateTable, parseIncludeObject } from '../printers';
import { serverSideApply } from '../fieldmanager/apply';
import { updateManagedFields } from '../fieldmanager/managedFields';
import { customResourceInfo, decodeCustomResource, isCustomResource, printerForCustomResource } from './customResourceType';
import { customResourceFields, parseCustomResourceFieldSelector, selectableFieldsOf } from './fieldSelectors';
import { matchFields } from '../selectors/fields';
import { patchSchemaForCustomResource } from './patchSchema';

const KUBE_FINALIZER_RULE = 'name is neither a standard finalizer name nor is it fully qualified';

/**
 * apiextensions-apiserver validates metadata with apimachinery's generic
 * ValidateObjectMeta, which lacks the core rule on unqualified finalizer
 * names (CRDs carry `customresourcecleanup.apiextensions.k8s.io`).
 */
const genericMeta = (rt: ResourceType) => isCustomResource(rt) || rt.group === 'apiextensions.k8s.io';
const withoutKubeFinalizerRule = (errs: FieldError[]) => errs.filter((e) => e.detail !== KUBE_FINALIZER_RULE);

export function withCustomResources(base: Machinery): Machinery {
  return {
    ...base,
    validateObjectMeta(rt, obj, pathSegment) {
      const errs = base.validateObjectMeta(rt, obj, pathSegment);
      return genericMeta(rt) ? withoutKubeFinalizerRule(errs) : errs;
    },
    validateObjectMetaUpdate(rt, obj, old) {
      const errs = base.validateObjectMetaUpdate(rt, obj, old);
      return genericMeta(rt) ? withoutKubeFinalizerRule(errs) : errs;
    },
    decode: (rt, obj, mode) => decodeCustomResource(rt, obj, mode) ?? base.decode(rt, obj, mode),
    table(rt, objects, now, opts) {
      const printer = printerForCustomResource(rt);
      if (!printer) return base.table(rt, objects, now, opts);
      const include = parseIncludeObject(opts.includeObject);
      return buildTable(printer, objects, now, {
        noHeaders: opts.noHeaders,
        includeObject: S.isStatus(include) ? 'Metadata' : include,
        apiVersion: negotiateTable(opts.accept) ?? 'meta.k8s.io/v1',
        listMeta: { resourceVersion: opts.resourceVersion, continue: opts.continueToken, remainingItemCount: opts.remainingItemCount },
      });
    },
    parseFieldSelector(rt, selector) {
      const info = customResourceInfo(rt);
      if (!info) return base.parseFieldSelector(rt, selector);
      const r = parseCustomResourceFieldSelector(selector, selectableFieldsOf(info));
      if (!r.ok) return S.badRequest(r.error);
      const sel = r.selector;
      return { empty: sel.terms.length === 0, matches: (fields) => matchFields(sel, fields) };
    },
    fieldsOf(rt, obj) {
      const info = customResourceInfo(rt);
      return info ? customResourceFields(obj, selectableFieldsOf(info)) : base.fieldsOf(rt, obj);
    },
    admit(input) {
      // The CR handler refuses creates once its CRD is terminating (customresource_handler.go serveResource).
      if (input.operation === 'CREATE' && !input.subresource && isCustomResource(input.rt) && input.rt.verbs && !input.rt.verbs.includes('create')) {
        const status = S.methodNotSupported({ group: input.rt.group, resource: input.rt.plural }, 'create');
        return { ok: false, status: { ...status, message: 'create not allowed while custom resource definition is terminating' } };
      }
      return base.admit(input);
    },
    apply(rt, live, applied, manager, force, time) {
      if (!isCustomResource(rt)) return base.apply(rt, live, applied, manager, force, time);
      const r = serverSideApply({
        live,
        applied: applied as Record<string, unknown>,
        manager,
        force,
        apiVersion: apiVersionOf(rt.group, rt.version),
        kind: rt.kind,
        time,
        schema: patchSchemaForCustomResource(rt),
        subresources: rt.subresources,
      });
      return r.ok ? { ok: true, object: r.object } : { ok: false, status: r.status };
    },
    managedFields(rt, old, next, manager, time, subresource) {
      if (!isCustomResource(rt)) return base.managedFields(rt, old, next, manager, time, subresource);
      return updateManagedFields({ old, next, manager, apiVersion: apiVersionOf(rt.group, rt.version), time, subresource, schema: patchSchemaForCustomResource(rt), subresources: rt.subresources });
    },
  };
}
