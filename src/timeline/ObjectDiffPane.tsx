import { lazy, Suspense, useMemo, useState } from 'react';
import type { DiffTarget } from './timelineStore';
import { sidesOf, summarizeDiff } from './model/diffSummary';
import { useTimeline } from './useTimeline';

// Monaco's diff editor, shared with the YAML editor; loads (with Monaco) only when a diff is opened.
const DiffView = lazy(() => import('../editor/DiffView').then((m) => ({ default: m.DiffView })));

interface Props {
  latest: number;
  onDiff(target: DiffTarget): void;
}

/** One object at two revisions, side by side (Monaco's diff, as the editor's Diff shows it). */
export function ObjectDiffPane({ latest, onDiff }: Props) {
  const diff = useTimeline((s) => s.diff);
  const [draft, setDraft] = useState<{ a: number; b: number } | null>(null);
  const result = diff?.state.phase === 'ready' ? diff.state.value : null;
  const view = useMemo(() => {
    if (!result) return null;
    const sides = result.before === undefined || result.after === undefined ? sidesOf(result.lines) : null;
    const s = summarizeDiff(result.lines);
    return {
      summary: s,
      diff: {
        live: result.before ?? sides?.before ?? '',
        merged: result.after ?? sides?.after ?? '',
        summary: `+${s.added} −${s.removed}`,
        changed: s.added + s.removed > 0,
      },
    };
  }, [result]);
  if (!diff) return <div className="tl-placeholder">Pick “Diff” on a write or a changed object.</div>;
  const t = diff.target;
  const a = draft?.a ?? t.revA;
  const b = draft?.b ?? t.revB;
  return (
    <section className="tl-diff" aria-label={`Diff of ${t.label}`} data-testid="timeline-diff" data-key={t.key} data-rev-a={t.revA} data-rev-b={t.revB}>
      <form
        className="tl-compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          setDraft(null);
          onDiff({ ...t, revA: a, revB: b });
        }}
      >
        <strong className="tl-diff-title">{t.label}</strong>
        <label className="tl-rev-input">
          <span>revision</span>
          <input type="number" min={0} max={latest} value={a} onChange={(e) => setDraft({ a: Number(e.target.value), b })} aria-label="Older revision" />
        </label>
        <label className="tl-rev-input">
          <span>→</span>
          <input type="number" min={0} max={latest} value={b} onChange={(e) => setDraft({ a, b: Number(e.target.value) })} aria-label="Newer revision" />
        </label>
        <button type="submit" className="tl-button">
          Diff
        </button>
        <button type="button" className="tl-link" onClick={() => onDiff({ ...t, revB: latest })} data-testid="diff-to-now">
          to now
        </button>
      </form>
      {diff.state.phase === 'loading' && <p className="tl-placeholder">Reading history…</p>}
      {diff.state.phase === 'failed' && (
        <p className="tl-placeholder tl-error" role="alert">
          {diff.state.message}
        </p>
      )}
      {view && result && (
        <>
          <p className="tl-sub tl-diff-summary" data-testid="diff-summary" data-fields={view.summary.fields.join(',')}>
            {result.before === undefined
              ? `Did not exist at revision ${result.revA}; created by ${result.revB}.`
              : result.after === undefined
                ? `Deleted by revision ${result.revB}.`
                : view.diff.changed
                  ? `${view.summary.added} lines added, ${view.summary.removed} removed — in ${view.summary.fields.join(', ')}`
                  : 'No change between these revisions.'}
          </p>
          <div className="tl-diff-host">
            <Suspense fallback={<p className="tl-placeholder">Loading the diff view…</p>}>
              <DiffView diff={view.diff} />
            </Suspense>
          </div>
        </>
      )}
    </section>
  );
}
