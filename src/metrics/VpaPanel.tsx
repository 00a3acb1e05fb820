/** The inspector's Scaling tab for a VerticalPodAutoscaler: lower bound, target and upper bound per container. */
import type { KubeObject } from '../../workers/api/object';
import { bandText, vpaMode, vpaRows } from './vpaModel';
import './metrics.css';

export function VpaPanel({ vpa }: { vpa: KubeObject }) {
  const rows = vpaRows(vpa);
  const ref = (vpa.spec as { targetRef?: { kind?: string; name?: string } } | undefined)?.targetRef;
  return (
    <div className="mx vpa" data-testid="vpa-panel">
      <dl className="mx-facts">
        <div>
          <dt>Targets</dt>
          <dd>{ref ? `${ref.kind ?? '?'}/${ref.name ?? '?'}` : '—'}</dd>
        </div>
        <div>
          <dt>Update mode</dt>
          <dd>{vpaMode(vpa)}</dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p className="mx-note">No recommendation yet: the recommender runs once a minute and needs usage samples of the pods.</p>
      ) : (
        <table className="mx-table" aria-label="Recommendations" data-testid="vpa-table">
          <thead>
            <tr>
              <th scope="col">Container</th>
              <th scope="col">Resource</th>
              <th scope="col">Lower</th>
              <th scope="col">Target</th>
              <th scope="col">Upper</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((r) =>
              (['cpu', 'memory'] as const).map((res) => {
                const t = bandText(r[res], res);
                return (
                  <tr key={`${r.container}/${res}`} data-testid="vpa-row">
                    {res === 'cpu' ? <th scope="row" rowSpan={2}>{r.container}</th> : null}
                    <td>{res === 'cpu' ? 'CPU' : 'Memory'}</td>
                    <td>{t.lower}</td>
                    <td><strong>{t.target}</strong></td>
                    <td>{t.upper}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
