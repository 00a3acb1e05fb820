import type { SchedulingDetail } from '../../workers/timeline/types';
import { schedulerTable } from './model/schedulerTable';

/** One scheduling attempt, node by node: what each filter said, what each score plugin gave, which node won. */
export function SchedulerTableView({ detail }: { detail: SchedulingDetail }) {
  const t = schedulerTable(detail);
  return (
    <section className="tl-section" aria-label="Scheduling decision">
      <h4 className="tl-h">
        Scheduling <span className="tl-sub">{t.summary}</span>
      </h4>
      <div className="tl-table-scroll">
        <table className="tl-table tl-sched" data-testid="scheduler-table">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Filter</th>
              {t.plugins.map((p) => (
                <th scope="col" key={p} className="num" title={p}>
                  {p}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.node} className={r.chosen ? 'is-chosen' : r.verdict === 'filtered' ? 'is-filtered' : ''} data-testid="scheduler-row" data-node={r.node} data-chosen={r.chosen}>
                <th scope="row">
                  {r.chosen && (
                    <span className="tl-chosen" aria-label="chosen">
                      ✓
                    </span>
                  )}
                  {r.node}
                </th>
                <td>
                  {r.verdict === 'passed' ? (
                    <span className="tl-pass">passed</span>
                  ) : (
                    <span className="tl-fail" title={(r.reasons ?? []).join('; ')}>
                      {r.plugin}: {(r.reasons ?? []).join('; ') || 'rejected'}
                    </span>
                  )}
                </td>
                {t.plugins.map((p) => (
                  <td key={p} className="num">
                    {r.scores?.[p] ?? '—'}
                  </td>
                ))}
                <td className="num tl-total">{r.total ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
