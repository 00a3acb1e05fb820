import { useMemo } from 'react';
import { useClusterState } from '../cluster/ClusterContext';
import { componentOptions } from './model/filter';
import { setFilter } from './timelineOps';
import { SessionControls } from './SessionControls';
import { useTimeline, useTimelineStore } from './useTimeline';

/** Filters (component, only the selected object, writes only) and the session buttons. */
export function TimelineToolbar() {
  const store = useTimelineStore();
  const filter = useTimeline((s) => s.filter);
  const feed = useTimeline((s) => s.feed);
  const selected = useClusterState((s) => s.selected);
  const options = useMemo(() => {
    const seen = new Set<string>();
    for (const e of feed.entries) seen.add(e.component);
    if (filter.component) seen.add(filter.component);
    return componentOptions(seen);
  }, [feed, filter.component]);

  const objectOn = filter.object !== null;
  const objectLabel = filter.object ? filter.object.label : selected ? `${selected.kind} ${selected.name}` : 'the selected object';
  const toggleObject = () => {
    if (objectOn) setFilter(store, { ...filter, object: null });
    else if (selected) setFilter(store, { ...filter, object: { object: selected.uid, label: `${selected.kind} ${selected.namespace ? `${selected.namespace}/` : ''}${selected.name}` } });
  };

  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline filters">
      <label className="tl-field">
        <span>Component</span>
        <select value={filter.component ?? ''} onChange={(e) => setFilter(store, { ...filter, component: e.target.value === '' ? null : e.target.value })} data-testid="timeline-component-filter">
          <option value="">All components</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {c.endsWith('/') ? `${c}* (all)` : c}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`tl-chip${objectOn ? ' is-on' : ''}`}
        aria-pressed={objectOn}
        disabled={!objectOn && !selected}
        onClick={toggleObject}
        data-testid="timeline-object-filter"
        title={objectOn ? 'Show every entry again' : 'Only entries that wrote the selected object'}
      >
        Only {objectLabel}
        {objectOn && <span aria-hidden="true"> ×</span>}
      </button>
      <label className="tl-check">
        <input type="checkbox" checked={filter.writesOnly} onChange={(e) => setFilter(store, { ...filter, writesOnly: e.target.checked })} data-testid="timeline-writes-only" />
        Writes only
      </label>
      <span className="tl-spacer" />
      <SessionControls />
    </div>
  );
}
