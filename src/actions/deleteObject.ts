import { resourceForKind } from '../cluster/resources';
import type { Action, ObjectRef } from './types';
import { OK, failed } from './types';

function messageOf(body: unknown, status: number): string {
  const m = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : `HTTP ${status}`;
}

/**
 * DELETE through the API, as `kubectl delete` does: the server applies grace
 * periods, finalizers and owner cascades; the graph shows what follows.
 */
export const deleteObject: Action<'deleteObject'> = {
  id: 'deleteObject',
  label: 'Delete',
  shortcuts: [{ keys: 'Delete', input: undefined }],
  async perform(ctx, input) {
    const target: ObjectRef | null = input ?? ctx.cluster.getState().selected;
    if (!target) return failed('nothing selected to delete');
    if (typeof target.kind !== 'string' || typeof target.name !== 'string' || target.name === '') {
      return failed('deleteObject needs {kind, namespace?, name}');
    }
    const spec = resourceForKind(target.kind);
    if (!spec) return failed(`the page cannot delete objects of kind ${target.kind}`);
    if (spec.namespaced && !target.namespace) return failed(`${target.kind} ${target.name}: a namespace is required`);
    const res = await ctx.client.request({
      verb: 'delete',
      group: spec.group,
      version: spec.version,
      resource: spec.resource,
      ...(spec.namespaced ? { namespace: target.namespace } : {}),
      name: target.name,
    });
    if (res.status !== 200 && res.status !== 202) return failed(messageOf(res.body, res.status), res.body);
    return OK;
  },
};
