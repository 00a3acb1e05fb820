import { memo } from 'react';
import type { EventRow } from '../model/events';

/** describe's Events section, newest first. */
export const EventsTab = memo(function EventsTab({ rows }: { rows: EventRow[] }) {
  if (rows.length === 0) return <p className="in-none">No events for this object.</p>;
  return (
    <table className="in-table in-events" aria-label="Events" data-testid="events-table">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Age</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.uid} data-testid="event-row" data-reason={r.reason} data-type={r.type}>
            <td>
              <span className={r.type === 'Warning' ? 'in-ev in-ev-warning' : 'in-ev'}>{r.type}</span>
            </td>
            <td className="in-strong">{r.reason}</td>
            <td className="in-nowrap in-ev-age">{r.age}</td>
            <td className="in-nowrap in-ev-from">{r.from}</td>
            <td className="in-wrap in-ev-msg">{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
