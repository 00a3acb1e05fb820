/**
 * Pod: defaults (pkg/apis/core/v1/defaults.go SetDefaults_Pod), strategy
 * (pkg/registry/core/pod/strategy.go) and validation (ValidatePodCreate,
 * ValidatePodUpdate in pkg/apis/core/validation/validation.go).
 */
import type { Container, Pod, PodAffinityTerm, PodSpec, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, forbidden, path } from '../../validation/field';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType, StrategyContext } from '../types';
import { validateContainersOnlyForPod } from './containerValidation';
import { applyPodPriority } from './podPriority';
import { defaultPodSpec, validatePodSpec, validatePodSpecificAnnotations } from './podSpec';
import { objects, syncDeprecatedServiceAccount } from './podSpecDefaults';
import { validatePodUpdateSpec } from './podUpdate';
import { computePodQOS } from './qos';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const asPod = (o: KubeObject) => o as unknown as Pod & { spec: PodSpec };

function requestsFromLimits(containers: unknown): void {
  for (const c of objects<Container>(containers)) {
    const limits = isObj(c.resources) ? c.resources.limits : undefined;
    if (!isObj(limits)) continue;
    const requests = isObj(c.resources!.requests) ? c.resources!.requests : (c.resources!.requests = {});
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v as string;
  }
}

/** SetDefaults_Pod, then the PodSpec defaults, then what Priority admission adds on create. */
export function defaultPod(obj: KubeObject, ctx?: StrategyContext): void {
  const pod = asPod(obj);
  if (!isObj(pod.spec)) pod.spec = {} as PodSpec;
  const spec = pod.spec;
  // Only pods (not templates) default requests from limits: a template's
  // limits may be filled in later by LimitRange admission.
  requestsFromLimits(spec.containers);
  requestsFromLimits(spec.initContainers);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...objects<Container>(spec.containers), ...objects<Container>(spec.initContainers)]) {
      for (const p of objects<{ hostPort?: number; containerPort: number }>(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  defaultPodSpec(spec);
  applyPodPriority(spec, ctx);
}

/** mutatePodAffinity: matchLabelKeys / mismatchLabelKeys become selector requirements (MatchLabelKeysInPodAffinity, beta). */
function mutatePodAffinity(pod: Pod): void {
  const labels = pod.metadata?.labels;
  const affinity = pod.spec?.affinity;
  if (!labels || !affinity) return;
  const mutate = (term: PodAffinityTerm & { matchLabelKeys?: string[]; mismatchLabelKeys?: string[] }) => {
    if (!term?.labelSelector) return;
    for (const [keys, operator] of [
      [term.matchLabelKeys, 'In'],
      [term.mismatchLabelKeys, 'NotIn'],
    ] as const) {
      for (const key of keys ?? []) {
        if (!(key in labels)) continue;
        (term.labelSelector.matchExpressions ??= []).push({ key, operator, values: [labels[key]] });
      }
    }
  };
  for (const a of [affinity.podAffinity, affinity.podAntiAffinity]) {
    if (!a) continue;
    (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach(mutate);
    (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((w: WeightedPodAffinityTerm) => mutate(w.podAffinityTerm));
  }
}

export function prepareForCreatePod(obj: KubeObject): void {
  const pod = asPod(obj);
  const status: Obj = { phase: 'Pending', qosClass: computePodQOS(pod.spec) };
  if ((pod.spec?.schedulingGates ?? []).length > 0) {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: null,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
  }
  (obj as Obj).status = status;
  mutatePodAffinity(pod);
  // Admission may have set serviceAccountName after defaulting.
  if (isObj(pod.spec)) syncDeprecatedServiceAccount(pod.spec);
}

export function prepareForUpdatePod(obj: KubeObject, old: KubeObject): void {
  (obj as Obj).status = (old as Obj).status;
}

/** validatePodMetadataAndSpec: shared by create and update. */
function validatePodMetadataAndSpec(pod: Pod & { spec: PodSpec }): FieldError[] {
  const meta = path('metadata');
  const specPath = path('spec');
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, meta);
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, pod.spec, meta.child('annotations')));
  errs.push(...validatePodSpec(pod.spec, specPath, { resourceIsPod: true, podMeta: pod.metadata }));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((s, si) => {
        if (s.serviceAccountToken) {
          errs.push(
            forbidden(
              specPath.child('volumes').index(vi).child('projected').child('sources').index(si).child('serviceAccountToken'),
              'must not be specified when serviceAccountName is not set',
            ),
          );
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, specPath.child('containers')));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, specPath.child('initContainers')));
  return errs;
}

export function validatePod(obj: KubeObject): FieldError[] {
  const pod = asPod(obj);
  const errs = validatePodMetadataAndSpec(pod);
  const spec = path('spec');
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden(spec.child('ephemeralContainers'), 'cannot be set on create'));
  if (pod.spec?.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(forbidden(spec.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validatePodSpecificAnnotationUpdates(pod: Pod, old: Pod): FieldError[] {
  const at = path('metadata', 'annotations');
  const errs: FieldError[] = [];
  const next = pod.metadata?.annotations ?? {};
  const prev = old.metadata?.annotations ?? {};
  const apparmor = 'container.apparmor.security.beta.kubernetes.io/';
  const mirror = 'kubernetes.io/config.mirror';
  for (const k of Object.keys(prev).sort()) {
    if (k in next && next[k] === prev[k]) continue;
    if (k.startsWith(apparmor)) errs.push(forbidden(at.key(k), 'may not remove or update AppArmor annotations'));
    if (k === mirror) errs.push(forbidden(at.key(k), 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(next).sort()) {
    if (k in prev) continue;
    if (k.startsWith(apparmor)) errs.push(forbidden(at.key(k), 'may not add AppArmor annotations'));
    if (k === mirror) errs.push(forbidden(at.key(k), 'may not add mirror pod annotation'));
  }
  return errs;
}

export function validatePodUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const pod = asPod(obj);
  const old = asPod(oldObj);
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata, path('metadata'));
  errs.push(...validatePodMetadataAndSpec(pod));
  errs.push(...validatePodSpecificAnnotationUpdates(pod, old));
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, pod.spec, path('metadata', 'annotations')));
  errs.push(...validatePodUpdateSpec(pod.spec ?? ({} as PodSpec), old.spec ?? ({} as PodSpec)));
  return errs;
}

export const podStrategy: Partial<ResourceType> = {
  defaults: (obj, ctx) => defaultPod(obj, ctx),
  prepareForCreate: (obj) => prepareForCreatePod(obj),
  prepareForUpdate: (obj, old) => prepareForUpdatePod(obj, old),
  validate: (obj) => validatePod(obj),
  validateUpdate: (obj, old) => validatePodUpdate(obj, old),
};
