/** Strategy hooks for the networking.k8s.io/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { ingressStrategy } from './ingress';
import { ingressClassStrategy } from './ingressClass';
import { networkPolicyStrategy } from './networkPolicy';

export const networkingStrategies: Record<string, Partial<ResourceType>> = {
  Ingress: ingressStrategy,
  IngressClass: ingressClassStrategy,
  NetworkPolicy: networkPolicyStrategy,
};
