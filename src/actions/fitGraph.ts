import type { Action } from './types';
import { OK, failed } from './types';

/** Fits the whole graph in view and keeps it fitted as it grows, until the user pans or zooms. */
export const fitGraph: Action<'fitGraph'> = {
  id: 'fitGraph',
  label: 'Fit graph to view',
  shortcuts: [{ keys: 'f', input: undefined }],
  perform(ctx) {
    ctx.ui.setState({ followGraph: true });
    if (!ctx.graph.fit) return failed('the graph is not on screen');
    ctx.graph.fit();
    return OK;
  },
};
