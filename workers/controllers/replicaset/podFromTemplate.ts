/**
 * The pod a controller creates from its template
 * (pkg/controller/controller_utils.go GetPodFromTemplate): template labels,
 * annotations and finalizers, `generateName: <owner>-`, the controller
 * reference, and a copy of the template's spec.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone, type KubeObject, type OwnerReference } from '../../api/object';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** getPodsPrefix: `<name>-`, unless that would not be a valid generateName prefix. */
export function podNamePrefix(ownerName: string): string {
  const prefix = `${ownerName}-`;
  // ValidatePodName(prefix, true): the prefix minus its trailing dashes must be a DNS subdomain.
  const trimmed = prefix.replace(/-+$/, '');
  return trimmed.length <= 253 && DNS1123_SUBDOMAIN.test(trimmed) ? prefix : ownerName;
}

export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, controllerRef: OwnerReference): KubeObject {
  const tm = template.metadata ?? {};
  const metadata: KubeObject['metadata'] = { generateName: podNamePrefix(owner.metadata.name!), namespace: owner.metadata.namespace };
  if (tm.labels) metadata.labels = { ...tm.labels };
  if (tm.annotations) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers) metadata.finalizers = [...tm.finalizers];
  metadata.ownerReferences = [controllerRef];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec ?? {}) };
}
