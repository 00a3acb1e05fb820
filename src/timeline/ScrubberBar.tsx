import { useEffect, useMemo, useRef, useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState } from '../cluster/ClusterContext';
import { HistoryIcon } from '../controls/stepIcons';
import { buildRevisionIndex, clampRevision, formatElapsed, scrubRange, timeAtRevision } from './model/scrubber';
import { useTimeline } from './useTimeline';

/** How long the slider rests before the page reads that revision (dragging asks for many). */
const SETTLE_MS = 120;

interface Props {
  epochMs: number;
  onChanges(): void;
  onResume(): void;
}

/** The revision slider: drag into the past and the whole page shows it; to the right end is live. */
export function ScrubberBar({ epochMs, onChanges, onResume }: Props) {
  const run = useRunAction();
  const info = useTimeline((s) => s.info);
  const feed = useTimeline((s) => s.feed);
  const travel = useClusterState((s) => s.travel);
  const index = useMemo(() => buildRevisionIndex(feed.entries), [feed]);
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const range = scrubRange(info ?? { revision: 1, compactedRevision: 0 });
  const past = travel.view.mode === 'past';
  const viewed = travel.view.mode === 'past' ? travel.view.revision : range.max;
  const value = draft ?? viewed;
  const time = past ? travel.view.mode === 'past' && travel.view.time > 0 ? travel.view.time : timeAtRevision(index, value) : info?.now;

  const go = (revision: number) => {
    const r = clampRevision(revision, range);
    if (r >= range.max) void run('travelLive');
    else void run('travelTo', { revision: r, time: timeAtRevision(index, r) });
  };

  const onInput = (v: number) => {
    setDraft(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      setDraft(null);
      go(v);
    }, SETTLE_MS);
  };

  const pct = range.max > range.min ? ((value - range.min) / (range.max - range.min)) * 100 : 100;
  const shownTime = draft !== null ? timeAtRevision(index, draft) : time;
  return (
    <div className={`tl-scrubber${past ? ' is-past' : ''}`} data-testid="timeline-scrubber" data-mode={past ? 'past' : 'live'} data-revision={value} data-latest={range.max}>
      <span className="tl-scrub-icon" aria-hidden="true">
        <HistoryIcon />
      </span>
      <input
        type="range"
        className="tl-range"
        min={range.min}
        max={range.max}
        step={1}
        value={value}
        onChange={(e) => onInput(Number(e.target.value))}
        aria-label="Cluster history: drag left to view the past"
        aria-valuetext={`revision ${value} of ${range.max}${past ? '' : ', live'}`}
        style={{ ['--pct' as string]: `${pct}%` }}
        data-testid="timeline-range"
      />
      <span className="tl-scrub-label" data-testid="timeline-scrub-label">
        {past || draft !== null ? (
          <>
            <strong>{shownTime !== undefined ? formatElapsed(shownTime, epochMs) : '—'}</strong> · revision {value}
            <span className="tl-sub"> of {range.max}</span>
          </>
        ) : (
          <>
            <strong>Live</strong> · revision {range.max}
          </>
        )}
      </span>
      <button type="button" className={`tl-button${past ? ' tl-live-btn' : ' is-on'}`} aria-pressed={!past} onClick={() => void run('travelLive')} data-testid="timeline-live">
        {past ? 'Back to live' : '● Live'}
      </button>
      <button type="button" className="tl-button" onClick={onChanges} data-testid="timeline-what-changed" title="Objects created, changed and deleted between two revisions">
        What changed
      </button>
      {past && (
        <button type="button" className="tl-button tl-primary" onClick={onResume} data-testid="timeline-resume">
          Resume from here…
        </button>
      )}
    </div>
  );
}
