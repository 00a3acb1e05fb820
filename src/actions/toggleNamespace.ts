import type { Action } from './types';
import { OK, failed } from './types';

/** Shows or hides one namespace's objects in the graph. */
export const toggleNamespace: Action<'toggleNamespace'> = {
  id: 'toggleNamespace',
  label: 'Show or hide a namespace',
  perform(ctx, input) {
    const ns = input?.namespace;
    if (typeof ns !== 'string' || ns === '') return failed('toggleNamespace needs {namespace}');
    const hidden = new Set(ctx.ui.getState().hiddenNamespaces);
    if (hidden.has(ns)) hidden.delete(ns);
    else hidden.add(ns);
    ctx.ui.setState({ hiddenNamespaces: hidden });
    return OK;
  },
};
