export type BadgeTone = 'ok' | 'warn' | 'error' | 'neutral';

/** A status word (`Ready`, `Active`, …) with a coloured dot; the word itself carries the meaning. */
export function StatusBadge({ text, tone }: { text: string; tone: BadgeTone }) {
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-dot" aria-hidden="true" />
      {text || '—'}
    </span>
  );
}
