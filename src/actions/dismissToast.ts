import { removeToast } from '../app/toasts';
import type { Action } from './types';
import { OK, failed } from './types';

export const dismissToast: Action<'dismissToast'> = {
  id: 'dismissToast',
  label: 'Dismiss',
  perform(ctx, input) {
    if (typeof input?.id !== 'number') return failed('dismissToast needs {id}');
    return removeToast(ctx.ui, input.id) ? OK : failed(`no toast ${input.id}`);
  },
};
