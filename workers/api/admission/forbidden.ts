/**
 * admission.NewForbidden (k8s.io/apiserver/pkg/admission/errors.go): a 403
 * naming the resource and the object. On create with generateName the object
 * has no name yet, so upstream names it by its generateName prefix.
 */
import { forbidden } from '../status';
import type { AdmissionRequest, AdmissionResult } from './types';

function resourceName(req: AdmissionRequest): string {
  if (req.name) return req.name;
  const meta = req.object?.metadata;
  if (meta) {
    if (meta.name) return meta.name;
    if (meta.generateName) return meta.generateName;
  }
  return 'Unknown';
}

export function admissionForbidden(req: AdmissionRequest, message: string): AdmissionResult {
  return { ok: false, status: forbidden({ group: req.group, resource: req.resource }, resourceName(req), message) };
}

/** utilerrors.NewAggregate(errs).Error(). */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
