/** The fallback: say what was written ("updated Pod a/b status", "recorded Event Scheduled: …"). */
import { asObj, eventsOf, listOf, nameOf, num, objectWrites, type NarratedWrite, type NarrationContext } from './context';

export function describeWrites(ws: readonly NarratedWrite[]): string[] {
  return ws.map(({ write: w, before, after }) => {
    if (w.op !== 'updated') return `${w.op} ${nameOf(w)}`;
    const replicasBefore = num(asObj(asObj(before).spec).replicas);
    const replicasAfter = num(asObj(asObj(after).spec).replicas);
    const scaled = replicasBefore !== replicasAfter && replicasAfter !== undefined ? ` (replicas ${replicasBefore ?? 1}→${replicasAfter})` : '';
    const fields = (w.changed ?? []).flatMap((f) => (f === 'metadata' ? (w.metadataChanged ?? []).filter((m) => m !== 'managedFields') : [f]));
    return `updated ${nameOf(w)}${fields.length ? ` ${fields.join(', ')}` : ''}${scaled}`;
  });
}

export function genericNarration(ctx: NarrationContext, subject = ctx.entry.component): string {
  const parts = describeWrites(objectWrites(ctx));
  const events = eventsOf(ctx);
  if (!parts.length && events.length) return `${subject}: ${events.map((e) => `${e.reason}: ${e.message}`).join('; ')}`;
  if (!parts.length) return `${subject}: ${ctx.entry.what} ${ctx.entry.key} — nothing written`;
  const ev = events.length ? ` (event${events.length === 1 ? '' : 's'}: ${listOf(events.map((e) => e.reason))})` : '';
  return `${subject}: ${listOf(parts, 4)}${ev}`;
}
