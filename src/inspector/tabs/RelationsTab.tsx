import { memo } from 'react';
import type { SelectedObject } from '../../cluster/store';
import type { RelatedRef } from '../model/relations';

function RefList({ title, refs, empty, onSelect, testId }: { title: string; refs: RelatedRef[]; empty: string; onSelect(s: SelectedObject): void; testId: string }) {
  return (
    <section className="in-rel-group" aria-label={title} data-testid={testId}>
      <h3 className="in-subtitle">
        {title} <span className="in-muted">({refs.length})</span>
      </h3>
      {refs.length === 0 ? (
        <p className="in-none">{empty}</p>
      ) : (
        <ul className="in-rel-list">
          {refs.map((r) => (
            <li key={r.uid || `${r.kind}/${r.name}`}>
              {r.found ? (
                <button
                  type="button"
                  className="in-rel"
                  onClick={() => onSelect({ kind: r.kind, namespace: r.namespace ?? '', name: r.name, uid: r.uid })}
                  aria-label={`Select ${r.kind} ${r.name}`}
                  data-testid="relation-link"
                  data-kind={r.kind}
                  data-name={r.name}
                >
                  <span className="in-rel-kind">{r.kind}</span>
                  <span className="in-rel-name">{r.name}</span>
                  {r.controller && <span className="in-rel-tag">controller</span>}
                </button>
              ) : (
                <span className="in-rel in-rel-missing" title="Not in the cluster any more (or not mirrored)">
                  <span className="in-rel-kind">{r.kind}</span>
                  <span className="in-rel-name">{r.name}</span>
                  <span className="in-rel-tag">not found</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const RelationsTab = memo(function RelationsTab({ owners, dependents, onSelect }: { owners: RelatedRef[]; dependents: RelatedRef[]; onSelect(s: SelectedObject): void }) {
  return (
    <div className="in-relations">
      <RefList title="Owners" refs={owners} empty="No owner: nothing will garbage-collect this object." onSelect={onSelect} testId="relations-owners" />
      <RefList title="Dependents" refs={dependents} empty="Nothing names this object as its owner." onSelect={onSelect} testId="relations-dependents" />
    </div>
  );
});
