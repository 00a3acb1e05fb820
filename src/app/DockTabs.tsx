import { useRef, type KeyboardEvent } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { describeKeys } from '../actions/shortcuts';
import { useUi } from './UiContext';
import { DOCK_TABS, type DockTab } from './uiStore';

export const DOCK_LABELS: Record<DockTab, string> = { yaml: 'YAML', terminal: 'Terminal', timeline: 'Timeline' };
const DOCK_KEYS: Record<DockTab, string> = { yaml: 'e', terminal: 'Ctrl+`', timeline: 'l' };

export const dockTabId = (tab: DockTab) => `dock-tab-${tab}`;
export const dockPanelId = (tab: DockTab) => `dock-panel-${tab}`;

/** The dock's tab strip (ARIA tabs: arrows, Home and End move between them) and its hide button. */
export function DockTabs() {
  const run = useRunAction();
  const current = useUi((s) => s.dockTab);
  const refs = useRef<Partial<Record<DockTab, HTMLButtonElement | null>>>({});

  const select = (tab: DockTab) => {
    if (tab !== current) void run('showDockTab', { tab });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = DOCK_TABS.indexOf(current);
    const next =
      e.key === 'ArrowRight' ? DOCK_TABS[(i + 1) % DOCK_TABS.length] : e.key === 'ArrowLeft' ? DOCK_TABS[(i + DOCK_TABS.length - 1) % DOCK_TABS.length] : e.key === 'Home' ? DOCK_TABS[0] : e.key === 'End' ? DOCK_TABS[DOCK_TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    select(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="dock-bar">
      <div className="dock-tabs" role="tablist" aria-label="Dock" onKeyDown={onKeyDown}>
        {DOCK_TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={dockTabId(tab)}
            aria-selected={tab === current}
            aria-controls={dockPanelId(tab)}
            tabIndex={tab === current ? 0 : -1}
            className={`dock-tab${tab === current ? ' is-current' : ''}`}
            title={`${DOCK_LABELS[tab]} (${describeKeys(DOCK_KEYS[tab])})`}
            data-testid={`dock-tab-${tab}`}
            onClick={() => select(tab)}
          >
            {DOCK_LABELS[tab]}
          </button>
        ))}
      </div>
      <button type="button" className="dock-hide" aria-label="Hide the dock" title="Hide the dock" data-testid="dock-hide" onClick={() => void run('showDockTab', { tab: current })}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
