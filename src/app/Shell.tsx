import { useEffect, type CSSProperties } from 'react';
import ClusterGraph from '../graph/ClusterGraph';
import { useClusterState } from '../cluster/ClusterContext';
import { ClusterOverview } from './ClusterOverview';
import { Header } from './Header';
import { SelectionCard } from './SelectionCard';
import { BrowserSlot, EditorSlot, InspectorSlot, preloadSlots, Slot } from './slots';
import { Splitter } from './Splitter';
import { useUi } from './UiContext';

/**
 * The page: header on top; below it the resources sidebar, the graph (with the
 * YAML editor docked under it) and the inspector, split by draggable handles.
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
              <section className="shell-dock" aria-label="YAML editor" data-testid="editor-dock">
                <Slot name="YAML editor" component={EditorSlot} fallback={<div className="slot-message">The YAML editor is not part of this build yet.</div>} />
              </section>
            </>
          )}
        </div>
        {rightShown && (
          <>
            <Splitter panel="right" rightShown={rightShown} />
            <aside className="shell-right" aria-label="Inspector" data-testid="inspector-panel">
              <Slot name="inspector" component={InspectorSlot} fallback={<SelectionCard />} />
            </aside>
          </>
        )}
      </div>
    </div>
  );
}
