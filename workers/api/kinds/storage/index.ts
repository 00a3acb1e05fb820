/** Strategy hooks for the storage.k8s.io/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { storageClassStrategy } from './storageClass';

export const storageStrategies: Record<string, Partial<ResourceType>> = {
  StorageClass: storageClassStrategy,
};
