/**
 * Typed views of the objects the workload controllers read. They stay plain
 * KubeObjects (what informers hold); only the fields the controllers use are
 * spelled out, with kubernetes-types for the nested shapes.
 */
import type { KubeObject } from '../../api/object';
import type { PodSpec, PodStatus, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { DeploymentSpec, DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';

export type Pod = KubeObject & { spec?: PodSpec; status?: PodStatus };

/** Status shared by ReplicaSet and ReplicationController (same JSON fields). */
export interface ReplicaStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSetSpecView {
  replicas?: number;
  minReadySeconds?: number;
  /** A LabelSelector for ReplicaSets, a plain map for ReplicationControllers. */
  selector?: LabelSelector | Record<string, string>;
  template?: PodTemplateSpec;
}

export type ReplicaSet = KubeObject & { spec: ReplicaSetSpecView & { selector?: LabelSelector; template?: PodTemplateSpec }; status?: ReplicaStatus };

/** A ReplicaSet or ReplicationController as the replica controller sees it. */
export type ReplicaOwner = KubeObject & { spec: ReplicaSetSpecView; status?: ReplicaStatus };

export type Deployment = KubeObject & { spec: DeploymentSpec; status?: DeploymentStatus };
