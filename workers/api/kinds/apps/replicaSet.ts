/**
 * ReplicaSet: SetDefaults_ReplicaSet, ValidateReplicaSetSpec and
 * pkg/registry/apps/replicaset/strategy.go.
 */
import { path, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable, nonNegative } from './helpers/checks';
import { goLabelSelector } from './helpers/goFormat';
import { ensureObj, objAt, setDefault, type Json } from './helpers/json';
import { defaultTemplate } from './helpers/podTemplate';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './podTemplateForReplicaSet';

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  defaultTemplate(ensureObj(spec, 'template'));
}

export function validateReplicaSetSpec(spec: Json, at: Path): FieldError[] {
  const errs = [...nonNegative(spec.replicas, at.child('replicas')), ...nonNegative(spec.minReadySeconds, at.child('minReadySeconds'))];
  // Upstream says "deployment" here too.
  const { errs: selErrs, sel } = validateWorkloadSelector(spec, at, 'deployment', 'invalid label selector');
  errs.push(...selErrs, ...validateTemplateForReplicaSet(sel, spec.template, at.child('template')));
  return errs;
}

export const replicaSetStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultReplicaSet(obj),
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => validateReplicaSetSpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate(obj, old) {
    const spec = objAt(obj, 'spec') ?? {};
    return [
      ...validateReplicaSetSpec(spec, path('spec')),
      ...immutable(spec.selector, objAt(old, 'spec')?.selector, path('spec', 'selector'), goLabelSelector(spec.selector)),
    ];
  },
};
