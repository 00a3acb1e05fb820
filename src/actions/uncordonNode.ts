import { pushToast } from '../app/toasts';
import type { Action } from './types';
import { OK, failed } from './types';
import { nodeOf, refuseInPast, refuseWithoutNode } from './chaosCall';
import { setUnschedulable } from './nodeSchedulable';

/** kubectl uncordon: the node takes new pods again. */
export const uncordonNode: Action<'uncordonNode'> = {
  id: 'uncordonNode',
  label: 'Uncordon',
  async perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('uncordonNode', input)!;
    const past = refuseInPast(ctx);
    if (past) return past;
    const r = await setUnschedulable(ctx, node, false);
    if (!r.ok) {
      pushToast(ctx.ui, { tone: 'error', title: `Uncordon ${node} failed`, message: r.message });
      return failed(r.message, r.status);
    }
    pushToast(ctx.ui, { tone: r.changed ? 'ok' : 'info', title: r.message, ...(r.changed ? { message: 'New pods can be scheduled there again; running pods do not move back by themselves.' } : {}) });
    return OK;
  },
};
