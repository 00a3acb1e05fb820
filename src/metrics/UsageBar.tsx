/**
 * One horizontal bar: usage as a solid fill, requests as a striped band
 * behind it (texture, not only colour, tells them apart), an optional tick
 * for a request or limit marker, and the numbers in text beside it.
 */
import { toneOf, widthPercent } from './usageModel';

export interface UsageBarProps {
  /** Accessible description, e.g. `CPU used 35% of allocatable, requested 60%`. */
  label: string;
  used?: number;
  /** Fraction of the bar's scale shown striped behind the usage. */
  reserved?: number;
  /** Fraction where a thin marker is drawn (a container's request). */
  marker?: number;
  /** Fraction that decides the warning tone (defaults to `used`). */
  toneFrom?: number;
  compact?: boolean;
  testId?: string;
}

export function UsageBar({ label, used, reserved, marker, toneFrom, compact, testId }: UsageBarProps) {
  const tone = toneOf(toneFrom ?? used);
  return (
    <div
      className={`ub${compact ? ' ub-compact' : ''} ub-${tone}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-used={used === undefined ? '' : used.toFixed(3)}
      data-reserved={reserved === undefined ? '' : reserved.toFixed(3)}
    >
      {reserved !== undefined && reserved > 0 && <span className="ub-reserved" style={{ width: `${widthPercent(reserved)}%` }} />}
      {used !== undefined && <span className="ub-used" style={{ width: `${widthPercent(used)}%` }} />}
      {marker !== undefined && marker > 0 && marker <= 1 && <span className="ub-marker" style={{ left: `${widthPercent(marker)}%` }} />}
      {(reserved ?? 0) > 1 && <span className="ub-over" aria-hidden="true" />}
    </div>
  );
}
