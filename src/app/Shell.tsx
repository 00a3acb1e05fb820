import { useEffect, type CSSProperties } from 'react';
import ClusterGraph from '../graph/ClusterGraph';
import { useClusterState } from '../cluster/ClusterContext';
import { ClusterOverview } from './ClusterOverview';
import { Header } from './Header';
import { SelectionCard } from './SelectionCard';
import { BrowserSlot, ChaosSlot, InspectorSlot, preloadSlots, Slot } from './slots';
import { Dock } from './Dock';
import { Toasts } from './Toasts';
import { Splitter } from './Splitter';
import { useUi } from './UiContext';

/**
 * The page: header on top; below it the resources sidebar, the graph (with the
 * dock under it: YAML, terminal, timeline) and the inspector (with the chaos
 * controls for a selected node or pod), split by draggable handles.
 */
export function Shell() {
  const panes = useUi((s) => s.panes);
  const hasSelection = useClusterState((s) => s.selected !== null);
  const rightShown = hasSelection || panes.rightOpen;
  const columns = [panes.leftOpen ? `${panes.left}px 6px` : '', 'minmax(0, 1fr)', rightShown ? `6px ${panes.right}px` : ''].filter(Boolean).join(' ');
  const rows = panes.dockOpen ? `minmax(0, 1fr) 6px ${panes.dock}px` : 'minmax(0, 1fr)';
  useEffect(() => preloadSlots(), []);

  return (
    <div className="shell">
      <Header />
      <div className="shell-body" style={{ gridTemplateColumns: columns } as CSSProperties}>
        {panes.leftOpen && (
          <>
            <aside className="shell-left" aria-label="Cluster and resources" data-testid="sidebar">
              <ClusterOverview />
              <Slot name="resource browser" component={BrowserSlot} fallback={null} />
            </aside>
            <Splitter panel="left" rightShown={rightShown} />
          </>
        )}
        <div className="shell-center" style={{ gridTemplateRows: rows }}>
          <main className="shell-graph">
            <ClusterGraph />
          </main>
          {panes.dockOpen && (
            <>
              <Splitter panel="dock" rightShown={rightShown} />
              <Dock />
            </>
          )}
        </div>
        {rightShown && (
          <>
            <Splitter panel="right" rightShown={rightShown} />
            <aside className="shell-right" aria-label="Inspector" data-testid="inspector-panel">
              <div className="shell-right-main">
                <Slot name="inspector" component={InspectorSlot} fallback={<SelectionCard />} />
              </div>
              <Slot name="chaos controls" component={ChaosSlot} fallback={null} />
            </aside>
          </>
        )}
      </div>
      <Toasts />
    </div>
  );
}
