import { describe, expect, it } from 'vitest';
import { createErrors, obj } from '../apps/helpers/testing';
import { coordinationStrategies } from './index';

describe('Lease', () => {
  it('needs a positive duration', () => {
    const s = coordinationStrategies.Lease;
    expect(createErrors(s, obj('coordination.k8s.io/v1', 'Lease', 'node-1', { spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 } }))).toEqual([]);
    expect(createErrors(s, obj('coordination.k8s.io/v1', 'Lease', 'node-1', { spec: { leaseDurationSeconds: 0, leaseTransitions: -1 } }))).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
      'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
