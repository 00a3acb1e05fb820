/**
 * Ages as kubectl prints them, measured against the cluster's virtual clock:
 * the same pure functions the API server's printers use.
 */
export { humanDuration, parseTimestamp as parseTime, translateTimestampSince } from '../../../workers/api/printers/duration';
import { translateTimestampSince } from '../../../workers/api/printers/duration';

/** printers.go translateTimestampSince: `<unknown>` when there is no time. */
export function ageSince(ts: unknown, nowMs: number): string {
  return translateTimestampSince(typeof ts === 'string' ? ts : undefined, nowMs);
}
