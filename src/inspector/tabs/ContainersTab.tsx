import { memo } from 'react';
import { StatusBadge } from '../../ui/StatusBadge';
import type { ContainerRow, StateSummary } from '../model/containers';

function stateText(s: StateSummary): string {
  if (s.state === '') return 'Unknown';
  const parts: string[] = [s.state];
  if (s.reason) parts.push(s.reason);
  let text = parts.join(': ');
  if (s.exitCode !== undefined) text += ` (exit ${s.exitCode})`;
  return text;
}

const ROLE_LABEL = { init: 'init', sidecar: 'sidecar', container: '' } as const;

export const ContainersTab = memo(function ContainersTab({ rows }: { rows: ContainerRow[] }) {
  if (rows.length === 0) return <p className="in-none">This pod has no containers.</p>;
  return (
    <div className="in-containers">
      {rows.map((c) => (
        <article className="in-card" key={`${c.role}/${c.name}`} data-testid="container-card" data-name={c.name} data-state={c.state.state}>
          <header className="in-card-head">
            <h3 className="in-card-title">
              {c.name}
              {ROLE_LABEL[c.role] && <span className="in-rel-tag">{ROLE_LABEL[c.role]}</span>}
            </h3>
            <StatusBadge text={stateText(c.state)} tone={c.state.tone} />
          </header>
          <dl className="in-facts in-facts-grid">
            <div className="in-fact">
              <dt>Image</dt>
              <dd className="in-mono">{c.image}</dd>
            </div>
            <div className="in-fact">
              <dt>Ports</dt>
              <dd className="in-mono">{c.ports}</dd>
            </div>
            <div className="in-fact">
              <dt>Ready</dt>
              <dd>{c.ready ? 'True' : 'False'}</dd>
            </div>
            <div className="in-fact">
              <dt>Restarts</dt>
              <dd>{c.restarts}</dd>
            </div>
            {c.state.since && (
              <div className="in-fact">
                <dt>Started</dt>
                <dd>{c.state.since} ago</dd>
              </div>
            )}
            {c.lastState && (
              <div className="in-fact">
                <dt>Last state</dt>
                <dd>{stateText(c.lastState)}</dd>
              </div>
            )}
          </dl>
          {c.state.message && <p className="in-card-message">{c.state.message}</p>}
        </article>
      ))}
    </div>
  );
});
