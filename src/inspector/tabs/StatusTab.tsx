import type { KubeObject } from '../../../workers/api/object';
import { StatusBadge } from '../../ui/StatusBadge';
import { conditionRows, statusFacts } from '../model/conditions';

export function StatusTab({ object, now }: { object: KubeObject; now: number }) {
  const facts = statusFacts(object);
  const rows = conditionRows(object, now);
  return (
    <div className="in-status">
      {facts.length > 0 && (
        <dl className="in-facts" data-testid="status-facts">
          {facts.map((f) => (
            <div className="in-fact" key={f.key}>
              <dt>{f.key}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="in-subtitle">Conditions</h3>
      {rows.length === 0 ? (
        <p className="in-none">This object reports no conditions.</p>
      ) : (
        <table className="in-table in-conds" aria-label="Conditions" data-testid="conditions-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">Message</th>
              <th scope="col">Last transition</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.type} data-testid="condition-row" data-type={r.type} data-status={r.status}>
                <th scope="row">{r.type}</th>
                <td className="in-cond-status">
                  <StatusBadge text={r.status} tone={r.tone} />
                </td>
                <td className="in-cond-reason" data-empty={r.reason === ''}>
                  {r.reason || <span className="in-muted">—</span>}
                </td>
                <td className="in-wrap in-cond-msg" data-empty={r.message === ''}>
                  {r.message || <span className="in-muted">—</span>}
                </td>
                <td className="in-nowrap in-cond-age" title={r.lastTransitionTime}>
                  {r.lastTransition}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
