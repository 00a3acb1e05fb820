import type { SelectedObject } from '../cluster/store';
import type { Action } from './types';
import { OK, failed } from './types';

function isSelection(v: unknown): v is SelectedObject {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind !== '' && typeof o.name === 'string' && o.name !== '' && typeof o.namespace === 'string' && typeof o.uid === 'string';
}

/** Selects one object (the inspector shows it) or, with null, nothing. */
export const select: Action<'select'> = {
  id: 'select',
  label: 'Select',
  shortcuts: [{ keys: 'Escape', input: null }],
  perform(ctx, input) {
    if (input !== null && !isSelection(input)) return failed('select needs {kind, namespace, name, uid} or null');
    ctx.cluster.getState().select(input);
    return OK;
  },
};
