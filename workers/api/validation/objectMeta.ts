/**
 * ObjectMeta validation on create and update, as
 * apimachinery/pkg/api/validation/objectmeta.go does it, plus the legacy
 * finalizer-name rule pkg/apis/core/validation adds on top.
 */
import type { ObjectMeta, OwnerReference } from '../object';
import { jsonEqual, parseApiVersion } from '../object';
import { type FieldError, type Path, forbidden, invalid, required, tooLong } from './field';
import { isQualifiedName, validateLabels } from './labels';
import { type NameFn, byteLen, validateNamespaceName } from './names';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** field.TooLong renders no value ("Too long: may not be more than N bytes"). */
export function tooLongNoValue(at: Path | string, max: number): FieldError {
  const e = tooLong(at, '', max);
  delete e.value;
  return e;
}

export function validateNonnegativeField(value: number, at: Path): FieldError[] {
  return value < 0 ? [invalid(at, value, IS_NEGATIVE)] : [];
}

/** ValidateImmutableField: Invalid with the new value and `field is immutable`. */
export function validateImmutableField(next: unknown, old: unknown, at: Path): FieldError[] {
  return jsonEqual(next ?? null, old ?? null) ? [] : [invalid(at, next ?? null, FIELD_IMMUTABLE)];
}

export function validateAnnotations(annotations: Record<string, string> | undefined | null, at: Path): FieldError[] {
  if (!annotations) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(annotations).sort()) {
    // Annotation keys are qualified names, but case does not matter.
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(at, k, m));
    total += byteLen(k) + byteLen(String(annotations[k] ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLongNoValue(at, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReference(ref: OwnerReference, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const { group, version } = parseApiVersion(ref.apiVersion ?? '');
  if (!version) errs.push(invalid(at.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (!ref.kind) errs.push(invalid(at.child('kind'), ref.kind ?? '', 'kind must not be empty'));
  if (!ref.name) errs.push(invalid(at.child('name'), ref.name ?? '', 'name must not be empty'));
  if (!ref.uid) errs.push(invalid(at.child('uid'), ref.uid ?? '', 'uid must not be empty'));
  if (group === '' && version === 'v1' && ref.kind === 'Event') {
    errs.push(invalid(at, ref, '/v1, Kind=Event is disallowed from being an owner'));
  }
  return errs;
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, at));
    if (ref.controller) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(at, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`),
        );
      } else {
        firstController = name;
      }
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateFinalizerName(name: string, at: Path): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(at, name, m));
}

/** validateKubeFinalizerName: unqualified finalizers must be one of the legacy names. */
export function validateKubeFinalizerName(name: string, at: Path): FieldError[] {
  if (name.split('/').length === 1 && !STANDARD_FINALIZERS.has(name)) {
    return [invalid(at, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

function validateFinalizers(finalizers: string[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...validateFinalizerName(f, at));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(at, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateManagedFields(entries: unknown, at: Path): FieldError[] {
  if (!Array.isArray(entries)) return [];
  const errs: FieldError[] = [];
  entries.forEach((raw, i) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const p = at.index(i);
    if (e.operation !== 'Apply' && e.operation !== 'Update') errs.push(invalid(p.child('operation'), e.operation ?? '', 'must be `Apply` or `Update`'));
    if (e.fieldsType && e.fieldsType !== 'FieldsV1') errs.push(invalid(p.child('fieldsType'), e.fieldsType, 'must be `FieldsV1`'));
    if (typeof e.manager === 'string' && byteLen(e.manager) > 128) errs.push(tooLongNoValue(p.child('manager'), 128));
  });
  return errs;
}

/**
 * ValidateObjectMeta for create. Expects name generation to have happened
 * already (the API server fills `name` from `generateName` first), and the
 * namespace of cluster-scoped objects to have been cleared.
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameFn: NameFn, at: Path): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true)) errs.push(invalid(at.child('generateName'), m.generateName, msg));
  }
  if (!m.name) {
    errs.push(required(at.child('name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(m.name, false)) errs.push(invalid(at.child('name'), m.name, msg));
  }
  if (namespaced) {
    if (!m.namespace) errs.push(required(at.child('namespace'), ''));
    else for (const msg of validateNamespaceName(m.namespace, false)) errs.push(invalid(at.child('namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(at.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, at.child('generation')));
  errs.push(...validateLabels(m.labels, at.child('labels')));
  errs.push(...validateAnnotations(m.annotations, at.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, at.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, at.child('finalizers')));
  errs.push(...validateManagedFields(m.managedFields, at.child('managedFields')));
  (m.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, at.child('finalizers').index(i))));
  return errs;
}

/**
 * ValidateObjectMetaUpdate. The API server must have filled resourceVersion
 * for unconditional updates before calling this (upstream's store does).
 */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, at: Path): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(m.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length) {
      errs.push(
        forbidden(
          at.child('finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if (!m.resourceVersion) errs.push(invalid(at.child('resourceVersion'), m.resourceVersion ?? '', 'must be specified for an update'));
  if ((m.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(at.child('generation'), m.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(m.name ?? '', o.name ?? '', at.child('name')));
  errs.push(...validateImmutableField(m.namespace ?? '', o.namespace ?? '', at.child('namespace')));
  errs.push(...validateImmutableField(m.uid ?? '', o.uid ?? '', at.child('uid')));
  errs.push(...validateImmutableField(m.creationTimestamp ?? null, o.creationTimestamp ?? null, at.child('creationTimestamp')));
  errs.push(...validateImmutableField(m.deletionTimestamp ?? null, o.deletionTimestamp ?? null, at.child('deletionTimestamp')));
  errs.push(...validateImmutableField(m.deletionGracePeriodSeconds ?? null, o.deletionGracePeriodSeconds ?? null, at.child('deletionGracePeriodSeconds')));
  errs.push(...validateLabels(m.labels, at.child('labels')));
  errs.push(...validateAnnotations(m.annotations, at.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, at.child('ownerReferences')));
  errs.push(...validateManagedFields(m.managedFields, at.child('managedFields')));
  (m.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, at.child('finalizers').index(i))));
  return errs;
}

/** ValidateTemplateObjectMeta (PVC templates): only labels and annotations may be set. */
export function validateTemplateObjectMeta(meta: ObjectMeta | undefined, at: Path): FieldError[] {
  const m = (meta ?? {}) as Record<string, unknown>;
  const errs = validateAnnotations(m.annotations as Record<string, string> | undefined, at.child('annotations'));
  errs.push(...validateLabels(m.labels as Record<string, string> | undefined, at.child('labels')));
  for (const k of Object.keys(m).sort()) {
    if (k === 'labels' || k === 'annotations') continue;
    const v = m[k];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || v === 0) continue;
    errs.push(forbidden(at.child(k), 'cannot be set'));
  }
  return errs;
}
