/**
 * Selector and template checks the ReplicaSet-shaped workloads share.
 * Mirrors pkg/apis/apps/validation/validation.go
 * (ValidatePodTemplateSpecForReplicaSet and the selector block of
 * ValidateDeploymentSpec / ValidateReplicaSetSpec).
 */
import { forbidden, required, type FieldError, type Path } from '../../validation/field';
import { goLabelSelector, goStringMap, invalidRendered, notSupportedRendered, goQuote } from './helpers/goFormat';
import { isObj, objAt, stringMap, type Json } from './helpers/json';
import { asSelector, selectorIsEmpty, validateLabelSelector, type AsSelector } from './helpers/selector';
import { validateTemplate } from './helpers/podTemplate';

/** spec.selector: required, well-formed, not empty. Returns the parsed selector too. */
export function validateWorkloadSelector(spec: Json, at: Path, kindWord: string, invalidSelectorDetail: string): { errs: FieldError[]; sel: AsSelector } {
  const errs: FieldError[] = [];
  const selector = spec.selector;
  if (!isObj(selector)) errs.push(required(at.child('selector'), ''));
  else {
    errs.push(...validateLabelSelector(selector, at.child('selector')));
    if (selectorIsEmpty(selector)) errs.push(invalidRendered(at.child('selector'), goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
  }
  const sel = asSelector(selector);
  if (!sel.ok) errs.push(invalidRendered(at.child('selector'), goLabelSelector(selector), invalidSelectorDetail));
  return { errs, sel };
}

/** The selector must match the template's labels (checked unless the selector is Everything). */
export function selectorMatchesTemplate(sel: AsSelector, template: unknown, at: Path): FieldError[] {
  if (!sel.ok || sel.empty) return [];
  const labels = stringMap(objAt(objAt(template, 'metadata'), 'labels'));
  if (sel.matches(labels ?? {})) return [];
  return [invalidRendered(at.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`')];
}

/** RestartPolicy must be Always and activeDeadlineSeconds unset for long-running workloads. */
export function alwaysRestarting(template: unknown, at: Path, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const podSpec = objAt(template, 'spec');
  const rp = podSpec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupportedRendered(at.child('spec', 'restartPolicy'), goQuote(typeof rp === 'string' ? rp : ''), ['Always']));
  if (podSpec && podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(at.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet. */
export function validateTemplateForReplicaSet(sel: AsSelector, template: unknown, at: Path): FieldError[] {
  if (!sel.ok) return [];
  return [...selectorMatchesTemplate(sel, template, at), ...validateTemplate(template, at), ...alwaysRestarting(template, at, 'ReplicaSet')];
}
