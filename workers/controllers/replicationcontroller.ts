/**
 * The ReplicationController controller: the ReplicaSet controller behind an
 * adapter (pkg/controller/replication/replication_controller.go converts RCs
 * to ReplicaSets on the way in and out). An RC's selector is a plain label
 * map, i.e. a LabelSelector with only matchLabels; its status has the same
 * fields. Upstream's events come from `replication-controller`.
 */
import type { ComponentContext } from './context';
import { ReplicaSetController, type ReplicaKind, type ReplicaSetControllerOptions } from './replicaset';

export const REPLICATION_CONTROLLER = 'replicationcontroller-controller';

export const REPLICATIONCONTROLLER_KIND: ReplicaKind = {
  group: '',
  version: 'v1',
  resource: 'replicationcontrollers',
  kind: 'ReplicationController',
  component: REPLICATION_CONTROLLER,
  eventComponent: 'replication-controller',
  selector: (rc) => {
    const sel = rc.spec.selector as Record<string, string> | undefined;
    return sel ? { matchLabels: { ...sel } } : null;
  },
};

export function startReplicationControllerController(ctx: ComponentContext, opts?: ReplicaSetControllerOptions): ReplicaSetController {
  return new ReplicaSetController(ctx, REPLICATIONCONTROLLER_KIND, opts);
}
