import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { schedulingStrategies } from './index';

const s = schedulingStrategies.PriorityClass;
const pc = (name: string, value: number) => obj('scheduling.k8s.io/v1', 'PriorityClass', name, { value }, undefined);

describe('PriorityClass', () => {
  it('defaults the preemption policy and keeps value immutable', () => {
    const old = prepareCreate(s, pc('high', 1000));
    expect(old.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(updateErrors(s, pc('high', 2000), old)).toEqual(['value: Forbidden: may not be changed in an update.']);
  });

  it('reserves system- names and caps user values', () => {
    expect(createErrors(s, pc('system-foo', 1))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class",
    ]);
    expect(createErrors(s, pc('huge', 2000000000))).toEqual(['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
  });
});
