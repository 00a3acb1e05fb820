import { useState } from 'react';
import type { ChangedObject } from '../../workers/timeline/types';
import { useTimeline } from './useTimeline';

interface Props {
  latest: number;
  onCompare(revA: number, revB: number): void;
  onDiff(c: ChangedObject, revA: number, revB: number): void;
  onPickEntry(id: number): void;
}

function RevisionInput({ label, value, onChange, max }: { label: string; value: number; onChange(v: number): void; max: number }) {
  return (
    <label className="tl-rev-input">
      <span>{label}</span>
      <input type="number" min={0} max={max} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

/** "What changed between these two moments": every object created, updated or deleted in (A, B]. */
export function ChangesView({ latest, onCompare, onDiff, onPickEntry }: Props) {
  const changes = useTimeline((s) => s.changes);
  const [a, setA] = useState(changes?.revA ?? Math.max(0, latest - 50));
  const [b, setB] = useState(changes?.revB ?? latest);
  const state = changes?.state;
  const counts = state?.phase === 'ready' ? state.value.objects.reduce((m, o) => ({ ...m, [o.op]: (m[o.op] ?? 0) + 1 }), {} as Record<string, number>) : null;
  return (
    <section className="tl-changes" aria-label="Changes between two revisions" data-testid="timeline-changes">
      <form
        className="tl-compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          onCompare(a, b);
        }}
      >
        <RevisionInput label="From revision" value={a} onChange={setA} max={latest} />
        <RevisionInput label="to" value={b} onChange={setB} max={latest} />
        <button type="submit" className="tl-button">
          Compare
        </button>
      </form>
      {state?.phase === 'loading' && <p className="tl-placeholder">Reading history…</p>}
      {state?.phase === 'failed' && (
        <p className="tl-placeholder tl-error" role="alert">
          {state.message}
        </p>
      )}
      {state?.phase === 'ready' && changes && (
        <>
          <p className="tl-sub tl-changes-summary" data-testid="changes-summary">
            Revision {changes.revA} → {changes.revB}: {state.value.objects.length === 0 ? 'nothing changed' : Object.entries(counts ?? {}).map(([op, n]) => `${n} ${op}`).join(', ')}
          </p>
          <table className="tl-table tl-changes-table">
            <tbody>
              {state.value.objects.map((o) => (
                <tr key={o.key} data-testid="changed-object" data-kind={o.kind} data-name={o.name} data-op={o.op}>
                  <td>
                    <span className={`tl-op op-${o.op}`}>{o.op}</span>
                  </td>
                  <td className="tl-obj">
                    {o.kind} {o.namespace ? `${o.namespace}/` : ''}
                    {o.name}
                  </td>
                  <td className="num tl-sub">{o.revisions.length} {o.revisions.length === 1 ? 'write' : 'writes'}</td>
                  <td className="tl-row-actions">
                    {o.entries.length > 0 && (
                      <button type="button" className="tl-link" onClick={() => onPickEntry(o.entries[o.entries.length - 1])}>
                        Last step
                      </button>
                    )}
                    <button type="button" className="tl-link" onClick={() => onDiff(o, changes.revA, changes.revB)}>
                      Diff
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
