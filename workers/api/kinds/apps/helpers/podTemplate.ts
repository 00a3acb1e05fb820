/**
 * The pod-template hooks the workload kinds need. The core group owns pod
 * defaulting and validation (workers/api/kinds/core/podSpec.ts); this file
 * is the one place the group folders reach it through.
 */
import type { FieldError, Path } from '../../../validation/field';
import { defaultPodTemplateSpec, validatePodTemplateSpec } from './podTemplateFallback';
import type { Json } from './json';

/** SetDefaults_PodSpec and friends, applied to a template in place. */
export function defaultTemplate(template: Json): void {
  defaultPodTemplateSpec(template);
}

/** apivalidation.ValidatePodTemplateSpec. */
export function validateTemplate(template: unknown, at: Path): FieldError[] {
  return validatePodTemplateSpec(template, at);
}
