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
import { stepTask } from './stepTask';
import { stepToWrite } from './stepToWrite';
import { stepUntilChanged } from './stepUntilChanged';
import { runUntilIdle } from './runUntilIdle';
import { travelTo } from './travelTo';
import { travelLive } from './travelLive';
import { resumeFromHere } from './resumeFromHere';
import { openSession } from './openSession';
import { showDockTab } from './showDockTab';
import { dismissToast } from './dismissToast';
import { stopKubelet } from './stopKubelet';
import { startKubelet } from './startKubelet';
import { partitionNode } from './partitionNode';
import { healNode } from './healNode';
import { exhaustMemory } from './exhaustMemory';
import { releaseMemory } from './releaseMemory';
import { cordonNode } from './cordonNode';
import { uncordonNode } from './uncordonNode';
import { drainNode } from './drainNode';
import { deleteNode } from './deleteNode';
import { addNode } from './addNode';
import { crashContainer } from './crashContainer';
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
  stepTask,
  stepToWrite,
  stepUntilChanged,
  runUntilIdle,
  travelTo,
  travelLive,
  resumeFromHere,
  openSession,
  showDockTab,
  dismissToast,
  stopKubelet,
  startKubelet,
  partitionNode,
  healNode,
  exhaustMemory,
  releaseMemory,
  cordonNode,
  uncordonNode,
  drainNode,
  deleteNode,
  addNode,
  crashContainer,
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
