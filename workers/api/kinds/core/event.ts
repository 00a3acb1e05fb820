/**
 * core/v1 Event: only the legacy checks apply to this API version
 * (legacyValidateEvent in pkg/apis/core/validation/events.go); metadata is
 * not validated beyond the generic name rules.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, invalid, path, required } from '../../validation/field';
import { isQualifiedName } from '../../validation/labels';
import { byteLen, isDNS1123Subdomain } from '../../validation/names';
import type { ResourceType } from '../types';

export function validateEvent(obj: KubeObject): FieldError[] {
  const ev = obj as unknown as Event;
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  if (!ev.eventTime) {
    if (involvedNs ? ns !== involvedNs : ns !== '' && ns !== 'default') errs.push(namespaceMismatch(involvedNs));
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(namespaceMismatch(involvedNs));
    const rc = ev.reportingComponent ?? '';
    if (!rc) errs.push(required(path('reportingController'), ''));
    for (const m of isQualifiedName(rc)) errs.push(invalid(path('reportingController'), rc, m));
    const ri = ev.reportingInstance ?? '';
    if (!ri) errs.push(required(path('reportingInstance'), ''));
    if (byteLen(ri) > 128) errs.push(invalid(path('reportingInstance'), '', 'can have at most 128 characters'));
    const action = ev.action ?? '';
    if (!action) errs.push(required(path('action'), ''));
    if (byteLen(action) > 128) errs.push(invalid(path('action'), '', 'can have at most 128 characters'));
    const reason = ev.reason ?? '';
    if (!reason) errs.push(required(path('reason'), ''));
    if (byteLen(reason) > 128) errs.push(invalid(path('reason'), '', 'can have at most 128 characters'));
    if (byteLen(ev.message ?? '') > 1024) errs.push(invalid(path('message'), '', 'can have at most 1024 characters'));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid(path('namespace'), ns, m));
  return errs;
}

function namespaceMismatch(involvedNs: string): FieldError {
  return invalid(path('involvedObject', 'namespace'), involvedNs, 'does not match event.namespace');
}

export const eventStrategy: Partial<ResourceType> = {
  validate: (obj) => validateEvent(obj),
  validateUpdate: (obj) => validateEvent(obj),
};
