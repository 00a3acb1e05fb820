/** How the panel writes times and revision ranges. */
import { formatElapsed } from './model/scrubber';

/** `00:01:23.450` since the cluster started. */
export function formatEntryTime(ms: number, epochMs: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(epochMs)) return '--:--:--';
  const frac = String(Math.max(0, Math.floor(ms - epochMs)) % 1000).padStart(3, '0');
  return `${formatElapsed(ms, epochMs)}.${frac}`;
}

/** `r812`, `r812–814`, or empty for an entry that wrote nothing. */
export function formatRevisions(revisions: readonly number[]): string {
  if (revisions.length === 0) return '';
  const a = revisions[0];
  const b = revisions[revisions.length - 1];
  return a === b ? `r${a}` : `r${a}–${b}`;
}
