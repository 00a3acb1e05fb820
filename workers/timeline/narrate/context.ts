/**
 * What a narrator reads: the entry, its writes with the objects before and
 * after each, the decision captured right after the task, and the store (for
 * what else was true at that revision, such as a node's Lease).
 */
import type { KubeObject } from '../../api/object';
import type { Store } from '../../store/store';
import type { EntryRecord } from '../recorder';
import type { EntryDetail, TimelineWrite } from '../types';

export interface NarratedWrite {
  write: TimelineWrite;
  before?: KubeObject;
  after?: KubeObject;
}

export interface NarrationContext {
  entry: EntryRecord;
  writes: NarratedWrite[];
  detail?: EntryDetail;
  store: Store<KubeObject>;
}

/** A narrator returns its sentence, or undefined to leave it to the generic one. */
export type Narrator = (ctx: NarrationContext) => string | undefined;

export type Obj = Record<string, unknown>;

export const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `a, b, c` or `a, b, c and 4 more`. */
export function listOf(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export const isEvent = (w: NarratedWrite) => w.write.kind === 'Event' && (w.write.group === '' || w.write.group === 'events.k8s.io');

/** Events the entry recorded, oldest first: reason and message (core/v1 or events.k8s.io/v1 fields). */
export function eventsOf(ctx: NarrationContext): { reason: string; message: string; object?: string }[] {
  const out: { reason: string; message: string; object?: string }[] = [];
  for (const w of ctx.writes) {
    if (!isEvent(w) || !w.after || w.write.op === 'deleted') continue;
    const e = w.after as unknown as Obj;
    const involved = asObj(e.involvedObject ?? e.regarding);
    out.push({ reason: str(e.reason) ?? '', message: str(e.message ?? e.note) ?? '', object: str(involved.name) });
  }
  return out;
}

/** The writes to objects other than Events. */
export const objectWrites = (ctx: NarrationContext) => ctx.writes.filter((w) => !isEvent(w));

/** `Pod default/web-1`, or `Node worker-1` for cluster-scoped objects. */
export const nameOf = (w: TimelineWrite) => `${w.kind || w.resource} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
