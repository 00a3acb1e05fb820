/** PodTemplate: template defaults and ValidatePodTemplate(+Update). */
import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, path } from '../../validation/field';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './podSpec';

const asPT = (o: KubeObject) => o as unknown as PodTemplate;

export function validatePodTemplate(obj: KubeObject): FieldError[] {
  const pt = asPT(obj);
  return [...validateObjectMeta(pt.metadata, true, nameIsDNSSubdomain, path('metadata')), ...validatePodTemplateSpec(pt.template, path('template'))];
}

export const podTemplateStrategy: Partial<ResourceType> = {
  defaults: (obj) => {
    const pt = asPT(obj);
    pt.template ??= {};
    defaultPodTemplateSpec(pt.template);
  },
  validate: (obj) => validatePodTemplate(obj),
  validateUpdate: (obj, old) => [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata')),
    ...validatePodTemplateSpec(asPT(obj).template, path('template')),
  ],
};
