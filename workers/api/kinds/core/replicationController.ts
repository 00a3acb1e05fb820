/**
 * ReplicationController: SetDefaults_ReplicationController (selector and
 * labels from the template, replicas 1), template defaults, status reset on
 * create, ValidateReplicationController(+Update) with the template checks
 * of ValidatePodTemplateSpecForRC.
 */
import type { ReplicationController, ReplicationControllerSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, type Path, forbidden, invalid, notSupported, path, required } from '../../validation/field';
import { mapSelectorMatches } from '../../validation/labels';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './podSpec';

type Obj = Record<string, unknown>;
const asRC = (o: KubeObject) => o as unknown as ReplicationController & { spec: ReplicationControllerSpec };

export function defaultReplicationController(obj: KubeObject): void {
  const rc = asRC(obj);
  if (typeof rc.spec !== 'object' || rc.spec === null) rc.spec = {};
  const labels = rc.spec.template?.metadata?.labels;
  if (labels) {
    if (Object.keys(rc.spec.selector ?? {}).length === 0) rc.spec.selector = { ...labels };
    if (Object.keys(rc.metadata?.labels ?? {}).length === 0) (rc.metadata ??= {}).labels = { ...labels };
  }
  if (rc.spec.replicas === undefined || rc.spec.replicas === null) rc.spec.replicas = 1;
  if (rc.spec.template) defaultPodTemplateSpec(rc.spec.template);
}

function validateSpec(spec: ReplicationControllerSpec, at: Path): FieldError[] {
  const errs = validateNonnegativeField(spec.minReadySeconds ?? 0, at.child('minReadySeconds'));
  const selector = spec.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(required(at.child('selector'), ''));
  errs.push(...validateNonnegativeField(spec.replicas ?? 0, at.child('replicas')));
  const tp = at.child('template');
  const t = spec.template;
  if (!t) {
    errs.push(required(tp, ''));
    return errs;
  }
  if (Object.keys(selector).length > 0 && !mapSelectorMatches(selector, t.metadata?.labels)) {
    errs.push(invalid(tp.child('metadata', 'labels'), t.metadata?.labels ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(t, tp));
  if (t.spec?.restartPolicy !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), t.spec?.restartPolicy ?? '', ['Always']));
  if (t.spec?.activeDeadlineSeconds !== undefined && t.spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

export function validateReplicationController(obj: KubeObject): FieldError[] {
  const rc = asRC(obj);
  return [...validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain, path('metadata')), ...validateSpec(rc.spec ?? {}, path('spec'))];
}

/** The strategy runs create validation and update validation, so spec errors appear twice, as upstream. */
export function validateReplicationControllerUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const rc = asRC(obj);
  return [
    ...validateReplicationController(obj),
    ...validateObjectMetaUpdate(rc.metadata, old.metadata, path('metadata')),
    ...validateSpec(rc.spec ?? {}, path('spec')),
  ];
}

export const replicationControllerStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultReplicationController(obj),
  prepareForCreate: (obj) => {
    (obj as Obj).status = { replicas: 0 };
  },
  prepareForUpdate: (obj, old) => {
    (obj as Obj).status = (old as Obj).status;
  },
  validate: (obj) => validateReplicationController(obj),
  validateUpdate: (obj, old) => validateReplicationControllerUpdate(obj, old),
};
