/**
 * What the chaos actions share: a call to the worker's chaos entry or to the
 * API, a toast with the outcome (and what the cluster will do next), and a
 * refusal while the page shows the past.
 */
import type { ChaosAction } from '../../workers/chaos';
import type { ApiResponse } from '../../workers/api/request';
import { pushToast } from '../app/toasts';
import type { ActionContext, ActionResult } from './types';
import { OK, failed } from './types';

export function statusMessage(body: unknown, status: number): string {
  const m = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof m === 'string' && m ? m : `HTTP ${status}`;
}

/** The node name an action was given, or null. */
export function nodeOf(input: unknown): string | null {
  const node = typeof input === 'object' && input !== null ? (input as { node?: unknown }).node : undefined;
  return typeof node === 'string' && node !== '' ? node : null;
}

export function viewingPast(ctx: ActionContext): boolean {
  return ctx.cluster.getState().travel?.view.mode === 'past';
}

const PAST = 'the page is showing the past: go back to live to break things';

/** Reports a finished chaos step: a toast, and the result. */
export function report(ctx: ActionContext, title: string, res: ApiResponse, next?: string): ActionResult {
  if (res.status >= 400) {
    const message = statusMessage(res.body, res.status);
    pushToast(ctx.ui, { tone: 'error', title: `${title} failed`, message });
    return failed(message, res.body);
  }
  const done = statusMessage(res.body, res.status);
  pushToast(ctx.ui, { tone: 'ok', title: done.charAt(0).toUpperCase() + done.slice(1), ...(next ? { message: next } : {}) });
  return OK;
}

/** Runs one chaos step in the worker. */
export async function performChaos(ctx: ActionContext, title: string, action: ChaosAction, next?: string): Promise<ActionResult> {
  if (viewingPast(ctx)) return failed(PAST);
  if (!ctx.client.chaos) return failed('chaos controls are not available in this build');
  return report(ctx, title, await ctx.client.chaos(action), next);
}

/** Refuses a node action without a node name, before anything is sent. */
export function refuseWithoutNode(id: string, input: unknown): ActionResult | null {
  return nodeOf(input) ? null : failed(`${id} needs {node}`);
}

export function refuseInPast(ctx: ActionContext): ActionResult | null {
  return viewingPast(ctx) ? failed(PAST) : null;
}
