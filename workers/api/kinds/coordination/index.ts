/**
 * Strategy hooks for coordination.k8s.io/v1 Lease, keyed by Kind.
 * Mirrors ValidateLeaseSpec in pkg/apis/coordination/validation.
 */
import { invalid, path, type FieldError } from '../../validation/field';
import type { ResourceType } from '../types';
import { objAt, type Json } from '../apps/helpers/json';

function validateLeaseSpec(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const at = path('spec');
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid(at.child('leaseDurationSeconds'), spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
    errs.push(invalid(at.child('leaseTransitions'), spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

const lease: Partial<ResourceType> = {
  validate: (obj) => validateLeaseSpec(objAt(obj, 'spec') ?? {}),
  validateUpdate: (obj) => validateLeaseSpec(objAt(obj, 'spec') ?? {}),
};

export const coordinationStrategies: Record<string, Partial<ResourceType>> = { Lease: lease };
