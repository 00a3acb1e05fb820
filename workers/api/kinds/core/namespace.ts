/**
 * Namespace: the kubernetes.io/metadata.name label (SetDefaults_Namespace and
 * the strategy's Canonicalize), status Active and the `kubernetes` finalizer
 * on create (pkg/registry/core/namespace/strategy.go), ValidateNamespace.
 */
import type { KubeObject } from '../../object';
import { type FieldError, invalid, path } from '../../validation/field';
import { nameIsDNSLabel } from '../../validation/names';
import { validateFinalizerName, validateKubeFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function defaultNamespace(obj: KubeObject): void {
  const name = obj.metadata?.name;
  if (name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
}

export function prepareForCreateNamespace(obj: KubeObject): void {
  const ns = obj as Obj;
  ns.status = { phase: 'Active' };
  const spec = (isObj(ns.spec) ? ns.spec : (ns.spec = {})) as Obj;
  const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}

export function prepareForUpdateNamespace(obj: KubeObject, old: KubeObject): void {
  (obj as Obj).spec = (old as Obj).spec;
  (obj as Obj).status = (old as Obj).status;
}

export function validateNamespace(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSLabel, path('metadata'));
  const spec = (obj as Obj).spec;
  const finalizers = isObj(spec) && Array.isArray(spec.finalizers) ? (spec.finalizers as string[]) : [];
  // Upstream reports these against the list, not the item.
  for (const f of finalizers) {
    errs.push(...validateFinalizerName(f, path('spec', 'finalizers')));
    errs.push(...validateKubeFinalizerName(f, path('spec', 'finalizers')));
  }
  return errs;
}

export function validateNamespaceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateNamespace(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata'))];
}

/** ValidateNamespaceStatusUpdate, for the status subresource. */
export function validateNamespaceStatusUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata'));
  const phase = isObj((obj as Obj).status) ? ((obj as Obj).status as Obj).phase : undefined;
  if (!obj.metadata?.deletionTimestamp) {
    if (phase !== 'Active') errs.push(invalid(path('status', 'Phase'), phase ?? '', "may only be 'Active' if `deletionTimestamp` is empty"));
  } else if (phase !== 'Terminating') {
    errs.push(invalid(path('status', 'Phase'), phase ?? '', "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  }
  return errs;
}

export const namespaceStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultNamespace(obj),
  prepareForCreate: (obj) => prepareForCreateNamespace(obj),
  prepareForUpdate: (obj, old) => prepareForUpdateNamespace(obj, old),
  validate: (obj) => validateNamespace(obj),
  validateUpdate: (obj, old) => validateNamespaceUpdate(obj, old),
};
