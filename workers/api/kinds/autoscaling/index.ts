/**
 * Strategy hooks for autoscaling/v2 HorizontalPodAutoscaler, keyed by Kind.
 * autoscaling/v1 objects are converted with ./convert before these run.
 */
import type { ResourceType } from '../types';
import { hpaStrategy } from './hpa';

export const autoscalingStrategies: Record<string, Partial<ResourceType>> = {
  HorizontalPodAutoscaler: hpaStrategy,
};

export { hpaV1ToV2, hpaV2ToV1 } from './convert';
