import type { ControllerDetail } from '../../workers/timeline/types';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A controller's own record of one sync (want/have, what it created or deleted), field by field. */
export function ControllerDecisionView({ detail }: { detail: ControllerDetail }) {
  const fields = Object.entries(detail.decision);
  if (fields.length === 0) return null;
  return (
    <section className="tl-section" aria-label="Controller decision">
      <h4 className="tl-h">
        Decision <span className="tl-sub">{detail.controller}</span>
      </h4>
      <dl className="tl-decision" data-testid="controller-decision">
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{show(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
