import { NODES } from '../cluster/resources';
import { isControlPlaneNode, laneOpen } from '../graph/lanes';
import type { Action } from './types';
import { OK, failed } from './types';

/** Opens or closes one node's lane in the graph (control-plane nodes start closed). */
export const toggleLane: Action<'toggleLane'> = {
  id: 'toggleLane',
  label: 'Expand or collapse a node',
  perform(ctx, input) {
    const lane = input?.lane;
    if (typeof lane !== 'string' || lane === '') return failed('toggleLane needs {lane}');
    let controlPlane = false;
    for (const n of ctx.cluster.getState().objects[NODES.kind]?.values() ?? []) {
      if (n.metadata.name === lane) controlPlane = isControlPlaneNode(n);
    }
    const { laneOverrides } = ctx.ui.getState();
    const open = laneOpen(lane, laneOverrides, controlPlane);
    ctx.ui.setState({ laneOverrides: { ...laneOverrides, [lane]: open ? 'closed' : 'open' } });
    return OK;
  },
};
