/**
 * One object's history, read from the store's: the object after each write
 * to its key, oldest first. Charts (an HPA's replicas and metrics over time)
 * read it once, then only what came after the last revision they hold.
 */
import type { KubeObject } from '../api/object';
import type { Store } from '../store/store';
import type { TimelineResult } from './types';
import { checkRevision, invalidInput, ok } from './errors';
import { parseKey } from './writes';

export interface ObjectHistoryPoint {
  revision: number;
  /** Virtual time of the write, ms since 1970. */
  time: number;
  type: 'PUT' | 'DELETE';
  /** The object as written; absent for a delete. */
  object?: KubeObject;
}

export interface ObjectHistory {
  key: string;
  /** The store's revision when read: pass it as `sinceRevision` next time. */
  revision: number;
  /** Writes after `sinceRevision`, oldest first; the newest `limit` when there were more. */
  points: ObjectHistoryPoint[];
  /** Whether older points were left out because of `limit`. */
  truncated: boolean;
}

export const OBJECT_HISTORY_LIMIT = 500;

export function objectHistory(store: Store<KubeObject>, key: string, sinceRevision = 0, limit = OBJECT_HISTORY_LIMIT): TimelineResult<ObjectHistory> {
  if (typeof key !== 'string' || !parseKey(key)) return invalidInput(`key must be a store key like /registry/apps/deployments/default/web, got ${JSON.stringify(key)}`);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) return invalidInput(`limit must be a positive integer, got ${JSON.stringify(limit)}`);
  if (typeof sinceRevision !== 'number' || !Number.isInteger(sinceRevision) || sinceRevision < 0) return invalidInput(`sinceRevision must be a non-negative integer, got ${JSON.stringify(sinceRevision)}`);
  // History before the compacted revision is gone: start from there rather than fail, a chart shows what is left.
  const from = Math.max(sinceRevision, store.compactedRevision);
  const bad = checkRevision<ObjectHistory>(from, store.revision, store.compactedRevision, 'sinceRevision');
  if (bad) return bad;
  const points: ObjectHistoryPoint[] = [];
  for (const e of store.eventsSince(from)) {
    if (e.key !== key) continue;
    const p: ObjectHistoryPoint = { revision: e.revision, time: e.time, type: e.type };
    if (e.type === 'PUT' && e.kv) p.object = e.kv.value;
    points.push(p);
  }
  const truncated = points.length > limit;
  return ok({ key, revision: store.revision, points: truncated ? points.slice(points.length - limit) : points, truncated });
}
