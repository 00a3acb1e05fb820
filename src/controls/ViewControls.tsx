import { useRunAction } from '../actions/ActionsContext';
import { shortcutHint } from '../actions/shortcuts';
import { useUi } from '../app/UiContext';
import { EditorIcon, FitIcon, MoonIcon, PresenterIcon, SidebarIcon, SunIcon } from './icons';
import { ToolbarButton } from './ToolbarButton';

/** Panels, theme and presenter mode. */
export function ViewControls() {
  const run = useRunAction();
  const theme = useUi((s) => s.theme);
  const presenter = useUi((s) => s.presenter);
  const leftOpen = useUi((s) => s.panes.leftOpen);
  const dockOpen = useUi((s) => s.panes.dockOpen && s.dockTab === 'yaml');
  return (
    <div className="view-controls" role="group" aria-label="View">
      <ToolbarButton label="Resources sidebar" shortcut="B" pressed={leftOpen} onClick={() => void run('togglePanel', { panel: 'left' })} testId="toggle-sidebar" className="tb-icon">
        <SidebarIcon />
      </ToolbarButton>
      <ToolbarButton label="YAML editor" shortcut="E" pressed={dockOpen} onClick={() => void run('togglePanel', { panel: 'dock' })} testId="toggle-editor">
        <EditorIcon />
        <span className="tb-text">YAML</span>
      </ToolbarButton>
      <ToolbarButton label="Fit graph to view" shortcut={shortcutHint('fitGraph')} onClick={() => void run('fitGraph')} testId="fit-graph" className="tb-icon">
        <FitIcon />
      </ToolbarButton>
      <ToolbarButton
        label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        shortcut={shortcutHint('toggleTheme')}
        onClick={() => void run('toggleTheme')}
        testId="toggle-theme"
        className="tb-icon"
      >
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </ToolbarButton>
      <ToolbarButton label="Presenter mode" shortcut={shortcutHint('togglePresenter')} pressed={presenter} onClick={() => void run('togglePresenter')} testId="toggle-presenter" className="tb-icon">
        <PresenterIcon />
      </ToolbarButton>
    </div>
  );
}
