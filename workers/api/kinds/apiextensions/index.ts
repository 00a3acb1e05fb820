/** Strategy hooks for apiextensions.k8s.io/v1 CustomResourceDefinition, keyed by Kind. */
import type { ResourceType } from '../types';
import { customResourceDefinitionStrategy } from './customResourceDefinition';

export const apiextensionsStrategies: Record<string, Partial<ResourceType>> = {
  CustomResourceDefinition: customResourceDefinitionStrategy,
};
