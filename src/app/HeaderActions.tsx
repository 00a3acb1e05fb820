import { useRunAction } from '../actions/ActionsContext';
import { shortcutHint } from '../actions/shortcuts';
import { ToolbarButton } from '../controls/ToolbarButton';
import { useUi } from './UiContext';

const icon = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

const TerminalIcon = () => (
  <svg {...icon}>
    <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M4.5 6.5 6.5 8l-2 1.5M8 10.5h3.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

const TimelineIcon = () => (
  <svg {...icon}>
    <path d="M2 8h12" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    <circle cx="4.5" cy="8" r="1.8" fill="currentColor" />
    <circle cx="9" cy="8" r="1.8" fill="currentColor" />
    <path d="M12.5 5v6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </svg>
);

const AddNodeIcon = () => (
  <svg {...icon}>
    <rect x="1" y="5" width="10" height="9" rx="1.8" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M3.5 8h5M3.5 11h3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    <path d="M12.5 1v5M10 3.5h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </svg>
);

/** Header buttons for the dock's Terminal and Timeline tabs, and for adding a node. */
export function HeaderActions() {
  const run = useRunAction();
  const dockOpen = useUi((s) => s.panes.dockOpen);
  const tab = useUi((s) => s.dockTab);
  return (
    <div className="header-actions" role="group" aria-label="Terminal, timeline and nodes">
      <ToolbarButton label="Terminal" shortcut={shortcutHint('showDockTab')} pressed={dockOpen && tab === 'terminal'} onClick={() => void run('showDockTab', { tab: 'terminal' })} testId="open-terminal">
        <TerminalIcon />
        <span className="tb-text">Terminal</span>
      </ToolbarButton>
      <ToolbarButton label="Timeline" shortcut="L" pressed={dockOpen && tab === 'timeline'} onClick={() => void run('showDockTab', { tab: 'timeline' })} testId="open-timeline">
        <TimelineIcon />
        <span className="tb-text">Timeline</span>
      </ToolbarButton>
      <ToolbarButton label="Add node" onClick={() => void run('addNode')} testId="add-node" className="tb-icon">
        <AddNodeIcon />
      </ToolbarButton>
    </div>
  );
}
