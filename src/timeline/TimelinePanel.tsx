/**
 * The Timeline tab of the bottom dock: every task the cluster ran, newest at
 * the bottom, each with the sentence that explains it; the scrubber to view
 * any past revision; what an entry wrote and why; diffs and changes between
 * two moments; "Resume from here"; sessions out and in.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChangedObject, TimelineEntry, TimelineWrite } from '../../workers/timeline/types';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterSession, useClusterState } from '../cluster/ClusterContext';
import { useUi } from '../app/UiContext';
import { useClusterEpoch } from '../controls/useClusterEpoch';
import { ChangesView } from './ChangesView';
import { EntryDetail } from './EntryDetail';
import { EntryList } from './EntryList';
import { ForkDialog } from './ForkDialog';
import { entryFocus } from './model/entryFocus';
import { buildRevisionIndex, formatElapsed, revisionAfterEntry, timeAtRevision } from './model/scrubber';
import { storeKeyOf } from './model/storeKey';
import { NarrationLine } from './NarrationLine';
import { ObjectDiffPane } from './ObjectDiffPane';
import { ScrubberBar } from './ScrubberBar';
import { loadChanges, loadDiff, loadOlder, openEntry, setFilter } from './timelineOps';
import { dispatchFollow, type DiffTarget, type SidePane } from './timelineStore';
import { TimelineToolbar } from './TimelineToolbar';
import { useTimeline, useTimelineClient, useTimelinePolling, useTimelineStore, useVisibleEntries } from './useTimeline';
import './timeline.css';

const PANES: ReadonlyArray<{ id: SidePane; label: string }> = [
  { id: 'entry', label: 'Entry' },
  { id: 'changes', label: 'Changes' },
  { id: 'diff', label: 'Diff' },
];

function label(kind: string, namespace: string | undefined, name: string): string {
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

export default function TimelinePanel() {
  useTimelinePolling();
  const store = useTimelineStore();
  const tl = useTimelineClient();
  const run = useRunAction();
  const cluster = useClusterSession().store;
  const epochMs = useClusterEpoch();
  const presenter = useUi((s) => s.presenter);
  const entries = useVisibleEntries();
  const info = useTimeline((s) => s.info);
  const pane = useTimeline((s) => s.pane);
  const narrowView = useTimeline((s) => s.narrowView);
  const error = useTimeline((s) => s.error);
  const filter = useTimeline((s) => s.filter);
  const objectFeed = useTimeline((s) => s.objectFeed);
  const feed = useTimeline((s) => s.feed);
  const travel = useClusterState((s) => s.travel);
  const selected = useClusterState((s) => s.selected);
  const [forking, setForking] = useState<{ busy: boolean; error: string | null } | null>(null);

  // The outline belongs to the picked entry: selecting something it did not touch clears it.
  useEffect(() => {
    const c = cluster.getState();
    if (selected && c.highlighted.size > 0 && !c.highlighted.has(selected.uid)) c.setHighlighted([]);
  }, [selected, cluster]);

  const latest = info?.revision ?? 0;
  const viewedRevision = travel.view.mode === 'past' ? travel.view.revision : null;
  const rowHeight = presenter ? 62 : 50;

  const pick = useCallback(
    async (id: number) => {
      dispatchFollow(store, { type: 'picked' });
      const e = await openEntry(store, tl, id);
      if (!e) return;
      const focus = entryFocus(e);
      cluster.getState().setHighlighted(focus.highlight);
      if (focus.select) void run('select', focus.select);
    },
    [store, tl, cluster, run],
  );

  const diffWrite = (w: TimelineWrite) =>
    void loadDiff(store, tl, { key: w.key, label: label(w.kind, w.namespace, w.name), revA: Math.max(0, w.revision - 1), revB: w.revision });

  const diffChanged = (c: ChangedObject, revA: number, revB: number) => void loadDiff(store, tl, { key: c.key, label: label(c.kind, c.namespace, c.name), revA, revB });

  const viewAfter = (e: TimelineEntry) => {
    const rev = e.writes.length ? e.writes[e.writes.length - 1].revision : revisionAfterEntry(feed.entries, e.id);
    if (rev !== undefined) void run('travelTo', { revision: rev, time: e.time });
  };

  const onlyObject = (w: TimelineWrite) => {
    if (w.uid) setFilter(store, { ...store.getState().filter, object: { object: w.uid, label: label(w.kind, w.namespace, w.name) } });
  };

  const openChanges = () => {
    const revB = latest;
    const revA = viewedRevision ?? Math.max(0, latest - 50);
    void loadChanges(store, tl, revA, revB);
  };

  const diffSelected = () => {
    if (!selected) return;
    const key = storeKeyOf(selected);
    if (!key) return;
    const target: DiffTarget = { key, label: label(selected.kind, selected.namespace, selected.name), revA: viewedRevision ?? Math.max(1, latest - 20), revB: latest };
    void loadDiff(store, tl, target);
  };

  const confirmFork = async () => {
    setForking({ busy: true, error: null });
    const r = await run('resumeFromHere');
    if (r.ok) setForking(null);
    else setForking({ busy: false, error: r.message });
  };

  const index = buildRevisionIndex(feed.entries);
  const forkWhen = viewedRevision !== null ? formatElapsed(travel.view.mode === 'past' && travel.view.time > 0 ? travel.view.time : (timeAtRevision(index, viewedRevision) ?? Number.NaN), epochMs) : '';
  const dropped = viewedRevision !== null ? feed.entries.filter((e) => e.revisions.length > 0 && e.revisions[0] > viewedRevision).length : 0;
  const hasOlder = filter.object ? (objectFeed?.hasOlder ?? false) : feed.hasOlder;

  return (
    <section className={`timeline-panel${viewedRevision !== null ? ' is-past' : ''}`} aria-label="Timeline" data-testid="timeline-panel" data-view={narrowView}>
      <ScrubberBar epochMs={epochMs} onChanges={openChanges} onResume={() => setForking({ busy: false, error: null })} />
      <TimelineToolbar />
      <NarrationLine />
      {error && (
        <p className="tl-banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="tl-body">
        <EntryList entries={entries} rowHeight={rowHeight} epochMs={epochMs} viewedRevision={viewedRevision} hasOlder={hasOlder} onPick={(id) => void pick(id)} onLoadOlder={() => void loadOlder(store, tl)} />
        <aside className="tl-side" aria-label="Details">
          <div className="tl-side-tabs" role="tablist" aria-label="Detail views">
            <button type="button" className="tl-link tl-back" onClick={() => store.setState({ narrowView: 'list' })} data-testid="timeline-back-to-list">
              ← List
            </button>
            {PANES.map((p) => (
              <button key={p.id} type="button" role="tab" aria-selected={pane === p.id} className={`tl-tab${pane === p.id ? ' is-on' : ''}`} onClick={() => store.setState({ pane: p.id, narrowView: 'side' })} data-testid={`timeline-pane-${p.id}`}>
                {p.label}
              </button>
            ))}
            <span className="tl-spacer" />
            {selected && storeKeyOf(selected) && (
              <button type="button" className="tl-link" onClick={diffSelected} data-testid="diff-selected" title={`Diff ${selected.kind} ${selected.name} between two revisions`}>
                Diff {selected.kind} {selected.name}
              </button>
            )}
          </div>
          <div className="tl-side-body">
            {pane === 'entry' && <EntryDetail epochMs={epochMs} onViewAfter={viewAfter} onOnlyObject={onlyObject} onDiff={diffWrite} />}
            {pane === 'changes' && <ChangesView latest={latest} onCompare={(a, b) => void loadChanges(store, tl, a, b)} onDiff={diffChanged} onPickEntry={(id) => void pick(id)} />}
            {pane === 'diff' && <ObjectDiffPane latest={latest} onDiff={(t) => void loadDiff(store, tl, t)} />}
          </div>
        </aside>
      </div>
      {viewedRevision !== null && (
        <ForkDialog
          open={forking !== null}
          revision={viewedRevision}
          when={forkWhen}
          dropped={dropped}
          busy={forking?.busy ?? false}
          error={forking?.error ?? null}
          onConfirm={() => void confirmFork()}
          onCancel={() => setForking(null)}
        />
      )}
    </section>
  );
}
