/**
 * What the Deployment controller's sync functions work with: the API client,
 * the event recorder, the clock, listers, and the decision record each sync
 * fills in for the timeline. Writes return the stored object or the error
 * message, as client-go calls return (obj, err).
 */
import type { Clock } from '../../clock/clock';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import type { ApiCall } from '../context';
import { apiError } from '../replicaset/apiError';
import type { WorkQueue } from '../../client/workqueue';
import type { Deployment, ReplicaSet } from '../replicaset/types';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export interface ScaleStep {
  rs: string;
  from: number;
  to: number;
}

/** One sync's outcome, for the timeline's narration. */
export interface DeploymentDecision {
  /** `rolling`, `recreate`, `scale` (a scaling event or a paused Deployment), `rollback`, `status` (being deleted). */
  action?: string;
  newRS?: string;
  createdRS?: string;
  scaledUp: ScaleStep[];
  scaledDown: ScaleStep[];
  deletedRS?: string[];
  rolledBackTo?: number;
  /** Recreate waits for the old pods to be gone. */
  waitingForOldPods?: boolean;
  error?: string;
}

export interface DeploymentEnv {
  api: ApiCall;
  recorder: EventRecorder;
  clock: Clock;
  replicaSets: Informer<ReplicaSet>;
  /** Wake the Deployment up again later (progress deadline checks). */
  later: Pick<WorkQueue, 'addAfter'>;
  decision: DeploymentDecision;
}

export type Written<T> = { obj: T; error?: undefined } | { obj?: undefined; error: string };

function write<T>(env: DeploymentEnv, resource: string, obj: T & { metadata: { name?: string; namespace?: string } }, subresource?: string): Written<T> {
  const r = env.api({ verb: 'update', group: 'apps', version: 'v1', resource, namespace: obj.metadata.namespace, name: obj.metadata.name, subresource, body: obj });
  const err = apiError(r);
  return err ? { error: err.message } : { obj: r.body as T };
}

export const updateReplicaSet = (env: DeploymentEnv, rs: ReplicaSet) => write<ReplicaSet>(env, 'replicasets', rs);
export const updateDeployment = (env: DeploymentEnv, d: Deployment) => write<Deployment>(env, 'deployments', d);
export const updateDeploymentStatus = (env: DeploymentEnv, d: Deployment) => write<Deployment>(env, 'deployments', d, 'status');
