import { useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState } from '../cluster/ClusterContext';
import { selectSelected, selectSelectedObject } from '../cluster/selectors';

/** What the right panel shows until the inspector is part of the build: the selection and a Delete button. */
export function SelectionCard() {
  const run = useRunAction();
  const selected = useClusterState(selectSelected);
  const live = useClusterState(selectSelectedObject);
  const [error, setError] = useState<string | null>(null);
  if (!selected) return <div className="slot-message">Select a pod, workload or node in the graph to see it here.</div>;
  return (
    <section className="selection-card" aria-label="Selection" data-testid="selection-card">
      <p className="selection-kind">{selected.kind}</p>
      <h2 className="selection-name">{selected.name}</h2>
      {selected.namespace && <p className="selection-ns">namespace {selected.namespace}</p>}
      {!live && <p className="selection-gone">This object no longer exists.</p>}
      <div className="selection-actions">
        <button
          type="button"
          className="danger-button"
          disabled={!live}
          onClick={() => {
            setError(null);
            void run('deleteObject', { kind: selected.kind, namespace: selected.namespace, name: selected.name }).then((r) => {
              if (!r.ok) setError(r.message);
            });
          }}
        >
          Delete {selected.kind}
        </button>
        <button type="button" className="text-button" onClick={() => void run('select', null)}>
          Close
        </button>
      </div>
      {error && (
        <p className="selection-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
