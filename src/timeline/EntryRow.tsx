import { memo } from 'react';
import type { TimelineEntrySummary } from '../../workers/timeline/types';
import { componentBadge, componentTone } from './model/componentTone';
import { formatEntryTime, formatRevisions } from './format';

interface Props {
  entry: TimelineEntrySummary;
  top: number;
  height: number;
  selected: boolean;
  /** Entries after the moment being viewed (time travel) are drawn faded. */
  future: boolean;
  epochMs: number;
  onPick(id: number): void;
}

export const EntryRow = memo(function EntryRow({ entry: e, top, height, selected, future, epochMs, onPick }: Props) {
  const tone = componentTone(e.component);
  const revs = formatRevisions(e.revisions);
  return (
    <div
      role="option"
      id={`tl-entry-${e.id}`}
      aria-selected={selected}
      className={`tl-row tone-${tone}${selected ? ' is-selected' : ''}${future ? ' is-future' : ''}${revs ? '' : ' is-quiet'}`}
      style={{ top, height }}
      onClick={() => onPick(e.id)}
      title={e.narration}
      data-testid="timeline-entry"
      data-id={e.id}
      data-component={e.component}
      data-revs={e.revisions.join(' ')}
    >
      <span className="tl-badge">{componentBadge(e.component)}</span>
      <span className="tl-key">{e.key}</span>
      <span className="tl-what">{e.what}</span>
      <span className="tl-revs">{revs}</span>
      <span className="tl-time">{formatEntryTime(e.time, epochMs)}</span>
      <span className="tl-narr" data-testid="timeline-entry-narration">
        {e.narration}
      </span>
    </div>
  );
});
