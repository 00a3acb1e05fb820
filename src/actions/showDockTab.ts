import { DOCK_TABS } from '../app/uiStore';
import type { Action } from './types';
import { OK, failed } from './types';

/** Shows a tab of the bottom dock (YAML, Terminal, Timeline); on the tab already shown, hides the dock. */
export const showDockTab: Action<'showDockTab'> = {
  id: 'showDockTab',
  label: 'Show a dock tab',
  shortcuts: [
    { keys: 'Ctrl+`', input: { tab: 'terminal' } },
    { keys: 'l', input: { tab: 'timeline' } },
  ],
  perform(ctx, input) {
    const tab = input?.tab;
    if (!(DOCK_TABS as readonly unknown[]).includes(tab)) return failed(`unknown dock tab ${String(tab)}: use ${DOCK_TABS.join(', ')}`);
    const { panes, dockTab } = ctx.ui.getState();
    const hide = panes.dockOpen && dockTab === tab;
    ctx.ui.setState({ dockTab: tab, panes: { ...panes, dockOpen: !hide } });
    return OK;
  },
};
