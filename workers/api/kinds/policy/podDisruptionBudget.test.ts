import { describe, expect, it } from 'vitest';
import { createErrors, obj } from '../apps/helpers/testing';
import { podDisruptionBudgetStrategy as s } from './podDisruptionBudget';

describe('PodDisruptionBudget', () => {
  it('accepts one of minAvailable / maxUnavailable, not both', () => {
    const pdb = (spec: Record<string, unknown>) => obj('policy/v1', 'PodDisruptionBudget', 'p', { spec: { selector: { matchLabels: { a: 'b' } }, ...spec } });
    expect(createErrors(s, pdb({ minAvailable: '50%' }))).toEqual([]);
    const errs = createErrors(s, pdb({ minAvailable: 1, maxUnavailable: 1 }));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
    expect(createErrors(s, pdb({ maxUnavailable: -1 }))).toEqual(['spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']);
  });
});
