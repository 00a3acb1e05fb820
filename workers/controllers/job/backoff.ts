/**
 * The pod re-creation back-off of a Job (pkg/controller/job/backoff_utils.go):
 * failures since the last success, and when the last one happened; the next
 * pod waits 10 s, 20 s, 40 s … (at most 6 min) after the last failure.
 */
import type { Pod } from '../replicaset/types';
import { finishedTime } from './podFailure';

export const DEFAULT_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 6 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** newBackoffRecord: fold newly finished pods into the stored record. */
export function nextBackoffRecord(prev: BackoffRecord | undefined, newSucceeded: readonly Pod[], newFailed: readonly Pod[]): BackoffRecord {
  const rec: BackoffRecord = prev ? { ...prev } : { failuresAfterLastSuccess: 0 };
  const failedTimes = newFailed.map(finishedTime).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return rec;
    rec.failuresAfterLastSuccess += failedTimes.length;
    rec.lastFailureTime = failedTimes[failedTimes.length - 1];
    return rec;
  }
  rec.failuresAfterLastSuccess = 0;
  rec.lastFailureTime = undefined;
  const lastSuccess = Math.max(...newSucceeded.map(finishedTime));
  for (let i = failedTimes.length - 1; i >= 0 && failedTimes[i] > lastSuccess; i--) {
    rec.lastFailureTime ??= failedTimes[i];
    rec.failuresAfterLastSuccess++;
  }
  return rec;
}

/** getRemainingTimeForFailuresCount. */
export function remainingBackoff(failures: number, lastFailureTime: number | undefined, nowMs: number, base = DEFAULT_BACKOFF_MS, max = MAX_BACKOFF_MS): number {
  if (failures === 0 || lastFailureTime === undefined) return 0;
  let d = base;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= max) {
      d = max;
      break;
    }
  }
  const elapsed = nowMs - lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
