import { useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { DockTabs, DOCK_LABELS, dockPanelId, dockTabId } from './DockTabs';
import { EditorSlot, Slot, TerminalSlot, TimelineSlot } from './slots';
import { useUi } from './UiContext';
import { DOCK_TABS, type DockTab } from './uiStore';

const SLOTS: Record<DockTab, { name: string; component: LazyExoticComponent<ComponentType> | null; missing: string; testId: string }> = {
  yaml: { name: 'YAML editor', component: EditorSlot, missing: 'The YAML editor is not part of this build yet.', testId: 'editor-dock' },
  terminal: { name: 'terminal', component: TerminalSlot, missing: 'The terminal is not part of this build yet.', testId: 'terminal-dock' },
  timeline: { name: 'timeline', component: TimelineSlot, missing: 'The timeline is not part of this build yet.', testId: 'timeline-dock' },
};

/**
 * The bottom dock: YAML | Terminal | Timeline. A tab's panel mounts the first
 * time it is shown and then stays mounted while the dock is open, so the
 * editor's text, a running `kubectl get -w` and the timeline's scroll survive
 * switching tabs.
 */
export function Dock() {
  const tab = useUi((s) => s.dockTab);
  const [visited, setVisited] = useState<ReadonlySet<DockTab>>(() => new Set([tab]));
  useEffect(() => {
    setVisited((v) => (v.has(tab) ? v : new Set([...v, tab])));
  }, [tab]);

  const panels: ReactNode[] = [];
  for (const t of DOCK_TABS) {
    if (!visited.has(t) && t !== tab) continue;
    const slot = SLOTS[t];
    panels.push(
      <div key={t} role="tabpanel" id={dockPanelId(t)} aria-labelledby={dockTabId(t)} className="dock-panel" hidden={t !== tab} data-testid={slot.testId}>
        <Slot name={slot.name} component={slot.component} fallback={<div className="slot-message">{slot.missing}</div>} />
      </div>,
    );
  }
  return (
    <section className="shell-dock" aria-label={`Dock: ${DOCK_LABELS[tab]}`} data-testid="dock" data-tab={tab}>
      <DockTabs />
      <div className="dock-body">{panels}</div>
    </section>
  );
}
