import type { TimelineEntry, TimelineWrite } from '../../workers/timeline/types';
import { ControllerDecisionView } from './ControllerDecisionView';
import { componentBadge, componentTone } from './model/componentTone';
import { describeWrite } from './model/entryFocus';
import { formatEntryTime } from './format';
import { SchedulerTableView } from './SchedulerTableView';
import { useTimeline } from './useTimeline';

interface Props {
  epochMs: number;
  onViewAfter(entry: TimelineEntry): void;
  onOnlyObject(w: TimelineWrite): void;
  onDiff(w: TimelineWrite): void;
}

function WriteRow({ w, onOnlyObject, onDiff }: { w: TimelineWrite; onOnlyObject(w: TimelineWrite): void; onDiff(w: TimelineWrite): void }) {
  return (
    <tr data-testid="timeline-write" data-kind={w.kind} data-name={w.name} data-op={w.op}>
      <td className="num tl-rev">r{w.revision}</td>
      <td>
        <span className={`tl-op op-${w.op}`}>{w.op}</span>
      </td>
      <td className="tl-obj">{describeWrite(w).replace(/^\S+ /, '')}</td>
      <td className="tl-row-actions">
        {w.uid && (
          <button type="button" className="tl-link" onClick={() => onOnlyObject(w)} aria-label={`Only entries that wrote ${w.kind} ${w.name}`}>
            Filter
          </button>
        )}
        <button type="button" className="tl-link" onClick={() => onDiff(w)} aria-label={`Diff ${w.kind} ${w.name} at revision ${w.revision}`} data-testid="write-diff">
          Diff
        </button>
      </td>
    </tr>
  );
}

/** The entry in focus: its sentence, what it wrote, and the decision behind it. */
export function EntryDetail({ epochMs, onViewAfter, onOnlyObject, onDiff }: Props) {
  const detail = useTimeline((s) => s.detail);
  if (!detail) {
    return (
      <div className="tl-placeholder">
        <p>Pick an entry to see what it wrote and why.</p>
        <p className="tl-hint">
          Pause with <kbd>Space</kbd>, step with <kbd>.</kbd> or <kbd>→</kbd>, jump to the next write with <kbd>Shift</kbd>+<kbd>→</kbd>.
        </p>
      </div>
    );
  }
  if (detail.state.phase === 'loading') return <div className="tl-placeholder">Loading entry {detail.id}…</div>;
  if (detail.state.phase === 'failed') return <div className="tl-placeholder tl-error" role="alert">{detail.state.message}</div>;
  const e = detail.state.value;
  const writes = e.writes;
  return (
    <article className="tl-detail" data-testid="timeline-detail" data-id={e.id}>
      <header className="tl-detail-head">
        <span className={`tl-badge tone-${componentTone(e.component)}`}>{componentBadge(e.component)}</span>
        <span className="tl-key">{e.key}</span>
        <span className="tl-what">{e.what}</span>
        <span className="tl-time">{formatEntryTime(e.time, epochMs)}</span>
        {writes.length > 0 && (
          <button type="button" className="tl-link" onClick={() => onViewAfter(e)} data-testid="view-after-entry" title="Show the whole page as the cluster was right after this step">
            View after this step
          </button>
        )}
      </header>
      <p className="tl-sentence" data-testid="timeline-detail-narration">
        {e.narration}
      </p>
      {e.status !== undefined && <p className="tl-sub tl-detail-actions">The API answered HTTP {e.status}.</p>}
      {e.detail?.type === 'scheduling' && <SchedulerTableView detail={e.detail} />}
      {e.detail?.type === 'controller' && <ControllerDecisionView detail={e.detail} />}
      <section className="tl-section" aria-label="Writes">
        <h4 className="tl-h">
          Writes <span className="tl-sub">{writes.length === 0 ? 'none: this task changed nothing in the store' : `${writes.length}`}</span>
        </h4>
        {writes.length > 0 && (
          <table className="tl-table tl-writes">
            <tbody>
              {writes.map((w) => (
                <WriteRow key={`${w.revision}`} w={w} onOnlyObject={onOnlyObject} onDiff={onDiff} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
