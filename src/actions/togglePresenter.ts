import type { Action } from './types';
import { OK } from './types';

/** Large type for a projector; the sidebar folds away to give the graph the room. */
export const togglePresenter: Action<'togglePresenter'> = {
  id: 'togglePresenter',
  label: 'Presenter mode',
  shortcuts: [{ keys: 'Shift+P', input: undefined }],
  perform(ctx) {
    const { presenter, panes } = ctx.ui.getState();
    ctx.ui.setState({ presenter: !presenter, panes: { ...panes, leftOpen: presenter }, followGraph: true });
    ctx.graph.fit?.();
    return OK;
  },
};
