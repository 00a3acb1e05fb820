import { pushToast } from '../app/toasts';
import type { Action } from './types';
import { OK, failed } from './types';
import { nodeOf, refuseInPast, refuseWithoutNode } from './chaosCall';
import { setUnschedulable } from './nodeSchedulable';

/** kubectl cordon: the scheduler places no new pods on the node; running pods stay. */
export const cordonNode: Action<'cordonNode'> = {
  id: 'cordonNode',
  label: 'Cordon',
  async perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('cordonNode', input)!;
    const past = refuseInPast(ctx);
    if (past) return past;
    const r = await setUnschedulable(ctx, node, true);
    if (!r.ok) {
      pushToast(ctx.ui, { tone: 'error', title: `Cordon ${node} failed`, message: r.message });
      return failed(r.message, r.status);
    }
    pushToast(ctx.ui, { tone: r.changed ? 'ok' : 'info', title: r.message, ...(r.changed ? { message: 'spec.unschedulable is true; the node lifecycle controller adds the node.kubernetes.io/unschedulable taint. Running pods stay.' } : {}) });
    return OK;
  },
};
