/** Strategy hooks for the batch/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { cronJobStrategy } from './cronJob';
import { jobStrategy } from './job';

export const batchStrategies: Record<string, Partial<ResourceType>> = {
  Job: jobStrategy,
  CronJob: cronJobStrategy,
};
