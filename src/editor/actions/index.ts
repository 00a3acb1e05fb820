/** The editor's commands by name: buttons, shortcuts and tests look them up here. */
import { applyAction } from './applyAction';
import { deleteAction } from './deleteAction';
import { diffAction } from './diffAction';

export const EDITOR_ACTIONS = { apply: applyAction, diff: diffAction, delete: deleteAction } as const;

export type { ActionContext, ActionOutcome, EditorActionName, RequestFn } from './types';
