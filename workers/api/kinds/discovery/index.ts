/** Strategy hooks for the discovery.k8s.io/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { endpointSliceStrategy } from './endpointSlice';

export const discoveryStrategies: Record<string, Partial<ResourceType>> = {
  EndpointSlice: endpointSliceStrategy,
};
