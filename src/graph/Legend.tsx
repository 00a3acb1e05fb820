import { useState } from 'react';
import { POD_STATE_LEGEND } from './podStatus';

const EDGE_LEGEND = [
  { rel: 'owner', label: 'owns' },
  { rel: 'selects', label: 'selects' },
  { rel: 'routes', label: 'routes to' },
  { rel: 'binds', label: 'bound to' },
];

/** What the colours and lines mean, with how many pods are in each state now. */
export function Legend({ podStates }: { podStates: Readonly<Record<string, number>> }) {
  const [open, setOpen] = useState(true);
  return (
    <section className={`graph-legend${open ? '' : ' is-closed'}`} aria-label="Legend" data-testid="graph-legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Pods
      </button>
      {open && (
        <>
          <ul className="legend-states">
            {POD_STATE_LEGEND.map(({ state, label }) => (
              <li key={state} className={`legend-item${podStates[state] ? '' : ' is-empty'}`} data-state={state}>
                <span className={`legend-swatch state-${state}`} aria-hidden="true" />
                <span className="legend-label">{label}</span>
                <span className="legend-count">{podStates[state] ?? 0}</span>
              </li>
            ))}
          </ul>
          <ul className="legend-edges" aria-label="Lines">
            {EDGE_LEGEND.map(({ rel, label }) => (
              <li key={rel} className="legend-item">
                <svg className={`legend-line kp-edge-${rel}`} width="24" height="8" aria-hidden="true">
                  <path d="M1 4 H23" className="react-flow__edge-path" />
                </svg>
                <span className="legend-label">{label}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
