/** Recorder entries made into what the worker answers with: summaries (with narration) and full entries (with writes). */
import type { KubeObject } from '../api/object';
import type { Store } from '../store/store';
import type { EntryRecord, Recorder } from './recorder';
import type { TimelineEntry, TimelineEntrySummary, TimelineWrite } from './types';
import { describeWrite } from './writes';
import { narrate, type NarratedWrite } from './narrate';

export function writesOf(store: Store<KubeObject>, rec: EntryRecord): NarratedWrite[] {
  const out: NarratedWrite[] = [];
  for (const rev of rec.revisions) {
    for (const e of store.eventsAt(rev)) out.push({ write: describeWrite(e), before: e.prevKv?.value, after: e.kv?.value });
  }
  return out;
}

export function narrationOf(recorder: Recorder, rec: EntryRecord): string {
  if (rec.narration === undefined) {
    const store = recorder.cluster.store;
    const writes = writesOf(store, rec);
    const lost = rec.revisions.length > 0 && writes.length === 0;
    rec.narration = lost
      ? `${rec.component}: ${rec.what} ${rec.key} — wrote ${rec.revisions.length} revision(s), since compacted`
      : narrate({ entry: rec, writes, detail: recorder.detail(rec.id), store });
  }
  return rec.narration;
}

export function summaryOf(recorder: Recorder, rec: EntryRecord): TimelineEntrySummary {
  const s: TimelineEntrySummary = {
    id: rec.id,
    source: rec.source,
    component: rec.component,
    key: rec.key,
    what: rec.what,
    time: rec.time,
    revisions: rec.revisions.slice(),
    narration: narrationOf(recorder, rec),
  };
  if (rec.taskId !== undefined) s.taskId = rec.taskId;
  return s;
}

export function entryOf(recorder: Recorder, rec: EntryRecord): TimelineEntry {
  const writes: TimelineWrite[] = writesOf(recorder.cluster.store, rec).map((w) => w.write);
  const e: TimelineEntry = { ...summaryOf(recorder, rec), writes };
  const d = recorder.detail(rec.id);
  if (d) e.detail = d;
  if (rec.action) e.action = rec.action;
  if (rec.status !== undefined) e.status = rec.status;
  return e;
}

/** Whether the entry wrote the object named by a store key or a uid. */
export function touches(store: Store<KubeObject>, rec: EntryRecord, object: string): boolean {
  const byKey = object.startsWith('/');
  for (const rev of rec.revisions) {
    for (const e of store.eventsAt(rev)) {
      if (byKey ? e.key === object : (e.kv?.value ?? e.prevKv?.value)?.metadata?.uid === object) return true;
    }
  }
  return false;
}
