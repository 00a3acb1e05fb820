/**
 * The VerticalPodAutoscaler object as the components read it
 * (pkg/apis/autoscaling.k8s.io/v1/types.go), with small accessors for the
 * defaults upstream applies when a field is absent.
 */
import type { KubeObject } from '../../api/object';

export const VPA_GROUP = 'autoscaling.k8s.io';
export const VPA_VERSION = 'v1';
export const VPA_RESOURCE = 'verticalpodautoscalers';
export const VPA_CHECKPOINT_RESOURCE = 'verticalpodautoscalercheckpoints';

export type UpdateMode = 'Off' | 'Initial' | 'Recreate' | 'Auto';
export type ControlledValues = 'RequestsAndLimits' | 'RequestsOnly';
export type ResourceMap = Record<string, string>;

export interface ContainerResourcePolicy {
  containerName?: string;
  mode?: 'Auto' | 'Off';
  minAllowed?: ResourceMap;
  maxAllowed?: ResourceMap;
  controlledResources?: string[];
  controlledValues?: ControlledValues;
}

export interface RecommendedContainerResources {
  containerName: string;
  target: ResourceMap;
  lowerBound?: ResourceMap;
  upperBound?: ResourceMap;
  uncappedTarget?: ResourceMap;
}

export interface VpaCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Vpa extends KubeObject {
  spec: {
    targetRef?: { apiVersion?: string; kind: string; name: string };
    updatePolicy?: { updateMode?: UpdateMode; minReplicas?: number };
    resourcePolicy?: { containerPolicies?: ContainerResourcePolicy[] };
    recommenders?: { name: string }[];
  };
  status?: {
    recommendation?: { containerRecommendations?: RecommendedContainerResources[] };
    conditions?: VpaCondition[];
  };
}

/** GetUpdateMode: Auto when unset. */
export function updateMode(vpa: Vpa): UpdateMode {
  return vpa.spec.updatePolicy?.updateMode ?? 'Auto';
}

/** GetContainerResourcePolicy: the container's own policy, else the `*` default. */
export function containerPolicy(vpa: Vpa, container: string): ContainerResourcePolicy | undefined {
  const policies = vpa.spec.resourcePolicy?.containerPolicies ?? [];
  return policies.find((p) => p.containerName === container) ?? policies.find((p) => p.containerName === '*');
}

export function controlledValues(vpa: Vpa, container: string): ControlledValues {
  return containerPolicy(vpa, container)?.controlledValues ?? 'RequestsAndLimits';
}

export function controlledResources(vpa: Vpa, container: string): string[] {
  return containerPolicy(vpa, container)?.controlledResources ?? ['cpu', 'memory'];
}

export function containerScalingOff(vpa: Vpa, container: string): boolean {
  return containerPolicy(vpa, container)?.mode === 'Off';
}

export function recommendationFor(vpa: Vpa, container: string): RecommendedContainerResources | undefined {
  return vpa.status?.recommendation?.containerRecommendations?.find((r) => r.containerName === container);
}
