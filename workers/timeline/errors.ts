/** The Status answers of the timeline methods: same shape and reasons as the API server's. */
import { badRequest, gone, type Status } from '../api/status';
import type { TimelineResult } from './types';

export const ok = <T>(value: T): TimelineResult<T> => ({ ok: true, value });
export const failed = <T>(status: Status): TimelineResult<T> => ({ ok: false, status });

export const invalidInput = <T>(message: string): TimelineResult<T> => failed(badRequest(message));

export const missing = <T>(message: string): TimelineResult<T> =>
  failed({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message });

export const compacted = <T>(revision: number, compactedRevision: number): TimelineResult<T> =>
  failed(gone(`The resourceVersion ${revision} is too old: history before revision ${compactedRevision} was compacted.`));

/** A revision the store has (or had): a positive integer no larger than now, and not compacted away. */
export function checkRevision<T>(revision: unknown, current: number, compactedRevision: number, what = 'revision'): TimelineResult<T> | undefined {
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) return invalidInput(`${what} must be a non-negative integer, got ${JSON.stringify(revision)}`);
  if (revision > current) return invalidInput(`${what} ${revision} is in the future: the store is at revision ${current}`);
  if (revision < compactedRevision) return compacted(revision, compactedRevision);
  return undefined;
}
