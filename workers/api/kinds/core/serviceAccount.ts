/** ServiceAccount: only metadata is validated (ValidateServiceAccount). */
import type { KubeObject } from '../../object';
import { type FieldError, path } from '../../validation/field';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';

export const validateServiceAccount = (obj: KubeObject): FieldError[] => validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, path('metadata'));

export const serviceAccountStrategy: Partial<ResourceType> = {
  validate: (obj) => validateServiceAccount(obj),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata')), ...validateServiceAccount(obj)],
};
