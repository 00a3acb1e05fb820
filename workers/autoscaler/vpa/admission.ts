/**
 * The VPA admission controller (vertical-pod-autoscaler/pkg/admission-controller:
 * resource/pod/handler.go, patch/resource_updates.go, patch/observed_containers.go,
 * recommendation/recommendation_provider.go).
 *
 * Upstream this is a mutating webhook (vpa-webhook-config, pods CREATE).
 * The playground has no webhooks, so it runs as a mutating admission plugin
 * at the webhook's place in the chain; it does nothing unless a VPA in the
 * pod's namespace (mode other than Off) targets the pod's controller.
 */
import type { AdmissionPlugin, AdmissionRequest, AdmissionResult } from '../../api/admission/types';
import { ADMIT } from '../../api/admission/types';
import type { KubeObject } from '../../api/object';
import { capForPod, proportionalLimit } from './capping';
import { matchingVpa } from './target';
import { controlledValues, recommendationFor, updateMode, VPA_GROUP, VPA_RESOURCE, type ResourceMap, type Vpa } from './types';

export const RESOURCE_UPDATES_ANNOTATION = 'vpaUpdates';
export const OBSERVED_CONTAINERS_ANNOTATION = 'vpaObservedContainers';
const VPA_LIST = `${VPA_RESOURCE}.${VPA_GROUP}`;

interface ContainerSpec {
  name: string;
  resources?: { requests?: ResourceMap; limits?: ResourceMap };
}

/** What the admission controller changes on one pod: the containers' resources and the two annotations. */
export function mutatePod(pod: KubeObject, vpa: Vpa): void {
  const spec = pod.spec as { containers?: ContainerSpec[] } | undefined;
  const containers = spec?.containers ?? [];
  const updates: string[] = [];
  containers.forEach((c, i) => {
    const requests = c.resources?.requests;
    const limits = c.resources?.limits;
    let touched = false;
    // Upstream adds an empty `resources` first when the container has none, and reports the container even if nothing else changes.
    if (!requests && !limits) {
      c.resources = {};
      touched = true;
    }
    const rec = recommendationFor(vpa, c.name);
    const notes: string[] = [];
    if (rec) {
      const capped = capForPod(vpa, rec, limits);
      notes.push(...capped.notes);
      const newRequests: ResourceMap = {};
      for (const res of ['cpu', 'memory']) if (capped.rec.target[res] !== undefined) newRequests[res] = capped.rec.target[res];
      const res = (c.resources ??= {});
      if (Object.keys(newRequests).length) {
        res.requests = { ...(res.requests ?? {}) };
        for (const [k, v] of Object.entries(newRequests)) {
          res.requests[k] = v;
          notes.push(`${k} request`);
          touched = true;
        }
      }
      if (controlledValues(vpa, c.name) === 'RequestsAndLimits') {
        const newLimits: ResourceMap = {};
        for (const [k, v] of Object.entries(newRequests)) {
          const l = proportionalLimit(k, limits?.[k], requests?.[k], v);
          if (l !== undefined) newLimits[k] = l;
        }
        if (Object.keys(newLimits).length) {
          res.limits = { ...(res.limits ?? {}) };
          for (const [k, v] of Object.entries(newLimits)) {
            res.limits[k] = v;
            notes.push(`${k} limit`);
          }
        }
      }
    }
    if (touched || notes.length) updates.push(`container ${i}: ${notes.join(', ')}`);
  });
  const annotations = { ...(pod.metadata.annotations ?? {}) };
  annotations[OBSERVED_CONTAINERS_ANNOTATION] = containers.map((c) => c.name).join(', ');
  if (updates.length) annotations[RESOURCE_UPDATES_ANNOTATION] = `Pod resources updated by ${vpa.metadata.name}: ${updates.join('; ')}`;
  pod.metadata.annotations = annotations;
}

function webhookServing(req: AdmissionRequest): boolean {
  return req.ctx.list('pods', 'kube-system').some((p) => p.metadata.labels?.app === 'vpa-admission-controller' && (p.status as { phase?: string } | undefined)?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

export const vpaAdmissionPlugin: AdmissionPlugin = {
  // The upstream plugin that would call the vpa-webhook, at its place in the chain.
  name: 'MutatingAdmissionWebhook',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (req.operation !== 'CREATE' || req.group !== '' || req.resource !== 'pods' || req.subresource || !req.object) return ADMIT;
    const ns = req.namespace ?? req.object.metadata.namespace;
    if (!ns) return ADMIT;
    const vpas = req.ctx.list(VPA_LIST, ns) as Vpa[];
    if (vpas.length === 0) return ADMIT;
    // The webhook's failurePolicy is Ignore: with no admission-controller pod serving it, pods pass unchanged.
    if (!webhookServing(req)) return ADMIT;
    const pod = req.object;
    const withNs = pod.metadata.namespace ? pod : { ...pod, metadata: { ...pod.metadata, namespace: ns } };
    const vpa = matchingVpa(withNs, vpas, (r, n, name) => req.ctx.get(r, n, name), (v) => updateMode(v) !== 'Off');
    if (vpa) mutatePod(pod, vpa);
    return ADMIT;
  },
};
