/** Strategy hooks for the apps/v1 kinds, keyed by Kind. */
import type { ResourceType } from '../types';
import { controllerRevisionStrategy } from './controllerRevision';
import { daemonSetStrategy } from './daemonSet';
import { deploymentStrategy } from './deployment';
import { replicaSetStrategy } from './replicaSet';
import { statefulSetStrategy } from './statefulSet';

export const appsStrategies: Record<string, Partial<ResourceType>> = {
  Deployment: deploymentStrategy,
  ReplicaSet: replicaSetStrategy,
  StatefulSet: statefulSetStrategy,
  DaemonSet: daemonSetStrategy,
  ControllerRevision: controllerRevisionStrategy,
};
