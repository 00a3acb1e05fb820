/**
 * kubectl cordon / uncordon (pkg/drain/cordon.go): read the Node, and if
 * spec.unschedulable differs, send the strategic merge patch of that one field.
 */
import type { ActionContext } from './types';
import { statusMessage } from './chaosCall';

export type CordonOutcome = { ok: true; changed: boolean; message: string } | { ok: false; message: string; status?: unknown };

export async function setUnschedulable(ctx: ActionContext, node: string, unschedulable: boolean): Promise<CordonOutcome> {
  const nodes = { group: '', version: 'v1', resource: 'nodes', name: node } as const;
  const got = await ctx.client.request({ ...nodes, verb: 'get' });
  if (got.status !== 200) return { ok: false, message: statusMessage(got.body, got.status), status: got.body };
  const current = (got.body as { spec?: { unschedulable?: boolean } }).spec?.unschedulable === true;
  const done = unschedulable ? 'cordoned' : 'uncordoned';
  if (current === unschedulable) return { ok: true, changed: false, message: `node/${node} already ${done}` };
  // unschedulable is omitempty: uncordoning removes the field, so the patch sets it to null.
  const patched = await ctx.client.request({
    ...nodes,
    verb: 'patch',
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { unschedulable: unschedulable ? true : null } },
  });
  if (patched.status !== 200) return { ok: false, message: statusMessage(patched.body, patched.status), status: patched.body };
  return { ok: true, changed: true, message: `node/${node} ${done}` };
}
