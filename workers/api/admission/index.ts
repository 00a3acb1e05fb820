/**
 * The admission chain in upstream's order (pkg/kubeapiserver/options/plugins.go
 * AllOrderedPlugins, restricted to the plugins emulated here). NamespaceLifecycle
 * is enforced by the API server itself.
 *
 * Upstream runs every mutating plugin, then object validation, then every
 * validating plugin; `runMutatingAdmission` and `runValidatingAdmission` let the
 * API server put its strategy validation in between.
 */
import { defaultStorageClassPlugin } from './default-storage-class';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { limitRanger } from './limit-ranger';
import { priority } from './priority';
import { resourceQuota } from './resource-quota';
import { serviceAccount } from './service-account';
import { storageObjectInUseProtection } from './storage-object-in-use-protection';
import { vpaAdmissionPlugin } from '../../autoscaler/vpa/admission';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';
import type { AdmissionInput } from '../machinery.types';

export type { AdmissionPlugin, AdmissionRequest, AdmissionResult, AdmissionOperation } from './types';

export const admissionChain: readonly AdmissionPlugin[] = [
  limitRanger,
  serviceAccount,
  priority,
  defaultTolerationSeconds,
  defaultStorageClassPlugin,
  storageObjectInUseProtection,
  // In place of MutatingAdmissionWebhook: the VPA admission controller's webhook (pods it targets only).
  vpaAdmissionPlugin,
  resourceQuota,
];

export function runMutatingAdmission(req: AdmissionRequest, chain: readonly AdmissionPlugin[] = admissionChain): AdmissionResult {
  for (const p of chain) {
    const r = p.mutate?.(req);
    if (r && !r.ok) return r;
  }
  return ADMIT;
}

export function runValidatingAdmission(req: AdmissionRequest, chain: readonly AdmissionPlugin[] = admissionChain): AdmissionResult {
  for (const p of chain) {
    const r = p.validate?.(req);
    if (r && !r.ok) return r;
  }
  return ADMIT;
}

/** Mutate then validate; the first refusal wins. */
export function runAdmission(req: AdmissionRequest, chain: readonly AdmissionPlugin[] = admissionChain): AdmissionResult {
  const m = runMutatingAdmission(req, chain);
  return m.ok ? runValidatingAdmission(req, chain) : m;
}

/** Adapts the API server's AdmissionInput (which names the ResourceType) to a plugin request. */
export function admissionRequestFrom(input: AdmissionInput, rng: AdmissionRequest['rng']): AdmissionRequest {
  return {
    operation: input.operation,
    group: input.rt.group,
    version: input.rt.version,
    kind: input.rt.kind,
    resource: input.rt.plural,
    subresource: input.subresource,
    namespace: input.namespace,
    name: input.name,
    object: input.object,
    oldObject: input.oldObject,
    dryRun: input.dryRun,
    ctx: input.ctx,
    rng,
  };
}
