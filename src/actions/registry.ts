/** Every action by id; the one place that runs them. */
import { deleteObject } from './deleteObject';
import { fitGraph } from './fitGraph';
import { pause } from './pause';
import { resume } from './resume';
import { select } from './select';
import { setSpeed } from './setSpeed';
import { toggleLane } from './toggleLane';
import { toggleNamespace } from './toggleNamespace';
import { togglePanel } from './togglePanel';
import { togglePause } from './togglePause';
import { togglePresenter } from './togglePresenter';
import { toggleTheme } from './toggleTheme';
import type { Action, ActionArgs, ActionContext, ActionId, ActionResult } from './types';

export const ACTIONS: { readonly [Id in ActionId]: Action<Id> } = {
  setSpeed,
  pause,
  resume,
  togglePause,
  select,
  deleteObject,
  toggleTheme,
  togglePresenter,
  fitGraph,
  togglePanel,
  toggleNamespace,
  toggleLane,
};

export function isActionId(id: unknown): id is ActionId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, id);
}

/** Runs an action; an unknown id or a thrown error (a dead worker) comes back as a failed result. */
export async function runAction<Id extends ActionId>(ctx: ActionContext, id: Id, ...args: ActionArgs<Id>): Promise<ActionResult> {
  if (!isActionId(id)) return { ok: false, message: `unknown action ${String(id)}` };
  const action = ACTIONS[id] as Action<Id>;
  try {
    return await action.perform(ctx, args[0] as Parameters<Action<Id>['perform']>[1]);
  } catch (err) {
    return { ok: false, message: `${id}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
