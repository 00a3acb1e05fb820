import type { PanelId, PaneState } from '../app/paneSizes';
import type { Action } from './types';
import { OK, failed } from './types';

const OPEN_FLAG: Record<PanelId, keyof PaneState> = { left: 'leftOpen', right: 'rightOpen', dock: 'dockOpen' };

/** Shows or hides the resource browser (left), the inspector (right) or the YAML editor (the dock on its YAML tab). */
export const togglePanel: Action<'togglePanel'> = {
  id: 'togglePanel',
  label: 'Show or hide a panel',
  shortcuts: [
    { keys: 'b', input: { panel: 'left' } },
    { keys: 'i', input: { panel: 'right' } },
    { keys: 'e', input: { panel: 'dock' } },
  ],
  perform(ctx, input) {
    const flag = OPEN_FLAG[input?.panel];
    if (!flag) return failed(`unknown panel ${String(input?.panel)}: use left, right or dock`);
    const { panes, dockTab } = ctx.ui.getState();
    // The dock's YAML button and E: on another dock tab they switch to the editor instead of closing the dock.
    if (flag === 'dockOpen' && panes.dockOpen && dockTab !== 'yaml') {
      ctx.ui.setState({ dockTab: 'yaml' });
      return OK;
    }
    ctx.ui.setState({ panes: { ...panes, [flag]: !panes[flag] }, ...(flag === 'dockOpen' ? { dockTab: 'yaml' as const } : {}) });
    return OK;
  },
};
