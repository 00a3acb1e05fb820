/** Strategy hooks for the policy/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { podDisruptionBudgetStrategy } from './podDisruptionBudget';

export const policyStrategies: Record<string, Partial<ResourceType>> = {
  PodDisruptionBudget: podDisruptionBudgetStrategy,
};
