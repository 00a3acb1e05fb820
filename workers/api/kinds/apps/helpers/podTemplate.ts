/**
 * The pod-template hooks the workload kinds need. The core group owns pod
 * defaulting and validation (workers/api/kinds/core/podSpec.ts); this file
 * is the one place the group folders reach it through.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { FieldError, Path } from '../../../validation/field';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from '../../core/podSpec';
import { isObj, type Json } from './json';

/** SetDefaults_PodSpec and friends, applied to a template in place. */
export function defaultTemplate(template: Json): void {
  defaultPodTemplateSpec(template as PodTemplateSpec);
}

/** apivalidation.ValidatePodTemplateSpec. */
export function validateTemplate(template: unknown, at: Path): FieldError[] {
  return validatePodTemplateSpec(isObj(template) ? (template as PodTemplateSpec) : undefined, at);
}
