import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TimelineEntrySummary } from '../../workers/timeline/types';
import { isAtBottom, visibleRange } from './model/feed';
import { EntryRow } from './EntryRow';
import { dispatchFollow } from './timelineStore';
import { useTimeline, useTimelineStore } from './useTimeline';

interface Props {
  entries: readonly TimelineEntrySummary[];
  rowHeight: number;
  epochMs: number;
  /** While time travelling: entries that wrote after this revision are "the future". */
  viewedRevision: number | null;
  hasOlder: boolean;
  onPick(id: number): void;
  onLoadOlder(): void;
}

/** A fixed-row virtual list: only the rows in view are in the DOM, however long the history. */
export function EntryList({ entries, rowHeight, epochMs, viewedRevision, hasOlder, onPick, onLoadOlder }: Props) {
  const store = useTimelineStore();
  const follow = useTimeline((s) => s.follow);
  const selectedId = useTimeline((s) => s.selectedId);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(300);
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // Following: stay glued to the newest entry as entries arrive.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !follow.follow) return;
    const bottom = el.scrollHeight - el.clientHeight;
    if (Math.abs(el.scrollTop - bottom) > 1) {
      programmatic.current = true;
      el.scrollTop = bottom;
      setScrollTop(el.scrollTop);
    }
  }, [entries, follow.follow, viewport]);

  // A picked entry scrolls into view when it is outside it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedId === null || follow.follow) return;
    const i = entries.findIndex((e) => e.id === selectedId);
    if (i < 0) return;
    const top = i * rowHeight;
    if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight) {
      programmatic.current = true;
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [selectedId, entries, rowHeight, follow.follow]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    dispatchFollow(store, { type: 'scrolled', atBottom: isAtBottom(el.scrollTop, el.scrollHeight, el.clientHeight) });
  }, [store]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    if (entries.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const i = entries.findIndex((x) => x.id === selectedId);
    let next = i;
    if (e.key === 'ArrowDown') next = i < 0 ? entries.length - 1 : Math.min(entries.length - 1, i + 1);
    if (e.key === 'ArrowUp') next = i < 0 ? entries.length - 1 : Math.max(0, i - 1);
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = entries.length - 1;
    onPick(entries[next].id);
  };

  const { start, end } = visibleRange(scrollTop, viewport, rowHeight, entries.length);
  const rows = [];
  for (let i = start; i < end; i++) {
    const e = entries[i];
    const future = viewedRevision !== null && e.revisions.length > 0 && e.revisions[0] > viewedRevision;
    rows.push(<EntryRow key={e.id} entry={e} top={i * rowHeight} height={rowHeight} selected={e.id === selectedId} future={future} epochMs={epochMs} onPick={onPick} />);
  }

  return (
    <div className="tl-list-wrap">
      <div
        ref={scroller}
        className="tl-list"
        role="listbox"
        aria-label="Timeline entries, oldest at the top"
        aria-activedescendant={selectedId !== null ? `tl-entry-${selectedId}` : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="timeline-list"
        data-count={entries.length}
        data-follow={follow.follow}
      >
        <div className="tl-list-inner" style={{ height: entries.length * rowHeight }}>
          {rows}
        </div>
        {entries.length === 0 && <p className="tl-empty">Nothing here yet: when the cluster does something, it shows up here.</p>}
      </div>
      {hasOlder && scrollTop < rowHeight * 2 && (
        <button type="button" className="tl-older" onClick={onLoadOlder}>
          Load older entries
        </button>
      )}
      {!follow.follow && (
        <button type="button" className="tl-jump" onClick={() => dispatchFollow(store, { type: 'jumpToLatest' })} data-testid="timeline-jump-latest">
          {follow.unseen > 0 ? `${follow.unseen > 999 ? '999+' : follow.unseen} new ↓` : 'Latest ↓'}
        </button>
      )}
    </div>
  );
}
