/**
 * Chaos controls under the inspector: for a selected node, stop its kubelet,
 * cut it off the network, exhaust its memory, cordon, drain or delete it; for
 * a selected pod, crash a container or delete it. Every button runs a
 * registered action (src/actions/), which reports with a toast.
 */
import { useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import type { ActionId, ActionInputs } from '../actions/types';
import { useClusterState } from '../cluster/ClusterContext';
import { selectSelected, selectSelectedObject } from '../cluster/selectors';
import { nodeChaosState, podContainers } from './chaosState';
import './chaos.css';

interface ButtonSpec<Id extends ActionId> {
  id: Id;
  input: ActionInputs[Id];
  label: string;
  hint: string;
  tone?: 'danger';
  testId: string;
}

type AnyButton = { [Id in ActionId]: ButtonSpec<Id> }[ActionId];

function ChaosButtons({ title, buttons }: { title: string; buttons: AnyButton[] }) {
  const run = useRunAction();
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <div className="chaos-row" role="group" aria-label={title}>
      <span className="chaos-row-title">{title}</span>
      <div className="chaos-row-buttons">
        {buttons.map((b) => (
          <button
            key={b.testId}
            type="button"
            className={`chaos-button${b.tone === 'danger' ? ' is-danger' : ''}`}
            title={b.hint}
            disabled={busy !== null}
            aria-busy={busy === b.testId}
            data-testid={b.testId}
            onClick={() => {
              setBusy(b.testId);
              void (run as (id: ActionId, input: unknown) => Promise<unknown>)(b.id, b.input).finally(() => setBusy(null));
            }}
          >
            {b.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export function ChaosPanel() {
  const selected = useClusterState(selectSelected);
  const object = useClusterState(selectSelectedObject);
  const [container, setContainer] = useState<string>('');
  if (!selected || !object || (selected.kind !== 'Node' && selected.kind !== 'Pod')) return null;

  if (selected.kind === 'Node') {
    const node = selected.name;
    const st = nodeChaosState(object);
    return (
      <section className="chaos" aria-label={`Chaos: node ${node}`} data-testid="chaos-panel" data-kind="Node">
        <header className="chaos-header">
          <h3 className="chaos-title">Break it</h3>
          <span className="chaos-sub">node {node}</span>
        </header>
        <ChaosButtons
          title="Kubelet"
          buttons={[
            { id: 'stopKubelet', input: { node }, label: 'Stop', hint: 'Stop the kubelet: containers keep running, the node goes NotReady after 40 s', testId: 'chaos-stop-kubelet' },
            { id: 'startKubelet', input: { node }, label: 'Start', hint: 'Start the kubelet again', testId: 'chaos-start-kubelet' },
          ]}
        />
        <ChaosButtons
          title="Network"
          buttons={[
            { id: 'partitionNode', input: { node }, label: 'Partition', hint: 'Cut the node off: no API server, no traffic to its pods', testId: 'chaos-partition' },
            { id: 'healNode', input: { node }, label: 'Heal', hint: 'Reconnect the node', testId: 'chaos-heal' },
          ]}
        />
        <ChaosButtons
          title="Memory"
          buttons={[
            { id: 'exhaustMemory', input: { node }, label: 'Exhaust', hint: 'A process takes the node’s memory: MemoryPressure and evictions', testId: 'chaos-exhaust-memory' },
            { id: 'releaseMemory', input: { node }, label: 'Release', hint: 'The process frees its memory', testId: 'chaos-release-memory' },
          ]}
        />
        <ChaosButtons
          title="Scheduling"
          buttons={[
            st.unschedulable
              ? { id: 'uncordonNode', input: { node }, label: 'Uncordon', hint: 'kubectl uncordon: new pods may be scheduled here again', testId: 'chaos-uncordon' }
              : { id: 'cordonNode', input: { node }, label: 'Cordon', hint: 'kubectl cordon: no new pods are scheduled here', testId: 'chaos-cordon' },
            { id: 'drainNode', input: { node }, label: 'Drain', hint: 'kubectl drain --ignore-daemonsets --delete-emptydir-data: cordon, then evict every pod', testId: 'chaos-drain' },
            { id: 'deleteNode', input: { node }, label: 'Delete node', hint: 'The machine is gone: its kubelet stops and the Node is deleted', tone: 'danger', testId: 'chaos-delete-node' },
          ]}
        />
        {st.notes.length > 0 && (
          <ul className="chaos-notes" aria-label="Node state">
            {st.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  const namespace = selected.namespace;
  const pod = selected.name;
  const containers = podContainers(object);
  const chosen = containers.includes(container) ? container : containers[0] ?? '';
  return (
    <section className="chaos" aria-label={`Chaos: pod ${pod}`} data-testid="chaos-panel" data-kind="Pod">
      <header className="chaos-header">
        <h3 className="chaos-title">Break it</h3>
        <span className="chaos-sub">pod {pod}</span>
      </header>
      {containers.length > 1 && (
        <label className="chaos-select">
          <span>Container</span>
          <select value={chosen} onChange={(e) => setContainer(e.target.value)} data-testid="chaos-container">
            {containers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <ChaosButtons
        title="Pod"
        buttons={[
          { id: 'crashContainer', input: { namespace, pod, ...(chosen ? { container: chosen } : {}) }, label: 'Crash container', hint: 'Kill the container’s process (exit 137); the kubelet restarts it', testId: 'chaos-crash-container' },
          { id: 'deleteObject', input: { kind: 'Pod', namespace, name: pod }, label: 'Delete pod', hint: 'kubectl delete pod: its controller, if any, creates a replacement', tone: 'danger', testId: 'chaos-delete-pod' },
        ]}
      />
    </section>
  );
}

export default ChaosPanel;
