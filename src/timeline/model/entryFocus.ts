/**
 * What picking a timeline entry points at: the object to select (the one the
 * task was about, else the first object it wrote) and every object it wrote,
 * for the graph to outline.
 */
import type { SelectedObject } from '../../cluster/store';
import type { TimelineEntry, TimelineWrite } from '../../../workers/timeline/types';

/** Kinds the page never selects (bookkeeping, not the story). */
const BOOKKEEPING = new Set(['Event', 'Lease']);

function refOf(w: TimelineWrite): SelectedObject | null {
  if (!w.uid) return null;
  return { kind: w.kind, namespace: w.namespace ?? '', name: w.name, uid: w.uid };
}

function keyOf(w: TimelineWrite): string {
  return w.namespace ? `${w.namespace}/${w.name}` : w.name;
}

export interface EntryFocus {
  select: SelectedObject | null;
  highlight: string[];
}

export function entryFocus(entry: Pick<TimelineEntry, 'key' | 'writes'>): EntryFocus {
  const story = entry.writes.filter((w) => !BOOKKEEPING.has(w.kind));
  const highlight = [...new Set(story.map((w) => w.uid).filter((u): u is string => typeof u === 'string' && u !== ''))];
  const about = story.find((w) => keyOf(w) === entry.key && w.uid) ?? story.find((w) => w.uid);
  return { select: about ? refOf(about) : null, highlight };
}

/** `created Pod default/web-1` etc., for the writes list. */
export function describeWrite(w: TimelineWrite): string {
  const what = w.changed?.length ? ` (${w.changed.join(', ')}${w.metadataChanged?.length ? `: ${w.metadataChanged.join(', ')}` : ''})` : '';
  return `${w.op} ${w.kind} ${keyOf(w)}${w.op === 'updated' ? what : ''}`;
}
