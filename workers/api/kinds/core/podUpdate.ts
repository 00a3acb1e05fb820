/**
 * Which parts of a running pod's spec may change: the spec half of
 * ValidatePodUpdate (pkg/apis/core/validation/validation.go). Images,
 * activeDeadlineSeconds (down only), added tolerations, removed scheduling
 * gates and a few gated-pod fields; anything else is refused with upstream's
 * "pod updates may not change fields other than ..." plus a diff.
 */
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { clone } from '../../object';
import { type FieldError, forbidden, invalid, path, required } from '../../validation/field';
import { goDiff, semanticEqual } from '../../validation/goDiff';
import { validateTolerations } from './schedulingValidation';

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

export const POD_UPDATE_FORBIDDEN_PREFIX = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`;

const MAX_INT32 = 2147483647;

function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, field: 'containers' | 'initContainers') {
  const at = path('spec', field);
  const n = next ?? [];
  const o = prev ?? [];
  if (n.length !== o.length) return { errs: [forbidden(at, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    if (!c?.image) errs.push(required(at.index(i).child('image'), ''));
    if (typeof c?.image === 'string' && c.image.trim() !== c.image) errs.push(invalid(at.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** validateOnlyAddedTolerations: every old toleration survives, except for its tolerationSeconds. */
function validateOnlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined): FieldError[] {
  const at = path('spec', 'tolerations');
  for (const old of prev ?? []) {
    const found = (next ?? []).some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(at, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, at);
}

export function validatePodUpdateSpec(next: PodSpec, prev: PodSpec): FieldError[] {
  const spec = path('spec');
  const errs: FieldError[] = [];
  for (const field of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(next[field], prev[field], field);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = next.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > MAX_INT32) {
      errs.push(invalid(spec.child('activeDeadlineSeconds'), ads, `must be between 0 and ${MAX_INT32}, inclusive`));
      return errs;
    }
    const oldAds = prev.activeDeadlineSeconds;
    if (oldAds !== undefined && oldAds !== null && oldAds < ads) {
      errs.push(invalid(spec.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (prev.activeDeadlineSeconds !== undefined && prev.activeDeadlineSeconds !== null) {
    errs.push(invalid(spec.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(next.tolerations, prev.tolerations));
  const oldGates = new Set((prev.schedulingGates ?? []).map((g) => g.name));
  (next.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) {
      errs.push(forbidden(spec.child('schedulingGates').index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${g.name}'`));
    }
  });
  if (semanticEqual(next, prev)) return errs;

  const munged = clone(next);
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: prev.containers?.[i]?.image }) as Container);
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: prev.initContainers?.[i]?.image }) as Container);
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  munged.schedulingGates = prev.schedulingGates;
  munged.tolerations = prev.tolerations;
  const oldTgps = prev.terminationGracePeriodSeconds;
  if (oldTgps !== undefined && oldTgps !== null && oldTgps < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldTgps;
  if ((prev.schedulingGates ?? []).length > 0) {
    // Gated pods may gain node selectors (no deletions or mutations).
    if (!semanticEqual(munged.nodeSelector, prev.nodeSelector)) {
      const oldSel = prev.nodeSelector ?? {};
      const newSel = munged.nodeSelector ?? {};
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(invalid(spec.child('nodeSelector'), newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
      }
      munged.nodeSelector = prev.nodeSelector;
    }
  }
  for (const k of Object.keys(munged) as (keyof PodSpec)[]) if (munged[k] === undefined) delete munged[k];
  if (!semanticEqual(munged, prev)) {
    errs.push(forbidden(spec, `${POD_UPDATE_FORBIDDEN_PREFIX}\n${goDiff('core.PodSpec', prev, munged)}`));
  }
  return errs;
}
