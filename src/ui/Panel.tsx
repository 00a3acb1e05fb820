import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Shown beside the title, e.g. how many rows the panel lists. */
  count?: number;
  testId: string;
  children: ReactNode;
}

/** A titled card; the heading names the region for screen readers. */
export function Panel({ title, count, testId, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={testId}>
      <header className="panel-header">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        {count !== undefined && (
          <span className="panel-count" aria-label={`${count} total`}>
            {count}
          </span>
        )}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
