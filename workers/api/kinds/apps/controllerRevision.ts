/**
 * ControllerRevision: ValidateControllerRevision(Update) in
 * pkg/apis/apps/validation; data is write-once.
 */
import { path, required, type FieldError } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable, nonNegative } from './helpers/checks';
import { goStruct } from './helpers/goFormat';

function validateRevision(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (obj.data === undefined || obj.data === null) errs.push(required(path('data'), 'data is mandatory'));
  errs.push(...nonNegative(obj.revision, path('revision')));
  return errs;
}

export const controllerRevisionStrategy: Partial<ResourceType> = {
  validate: (obj) => validateRevision(obj),
  validateUpdate: (obj, old) => [...validateRevision(obj), ...immutable(obj.data, old.data, path('data'), goStruct('runtime.RawExtension', { raw: obj.data }))],
};
