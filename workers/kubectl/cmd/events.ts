/**
 * `kubectl events`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/events
 * (events.go, event_printer.go; v1.32): its own table LAST SEEN / TYPE /
 * REASON / OBJECT / MESSAGE with ages computed on this side, events sorted
 * by their last time with Go's unstable sort, --for TYPE/NAME, --types,
 * -w to keep printing new ones.
 */
import type { Command, Ctx } from '../cli/command';
import { ApiError, KubectlError, check, statusOf } from '../cli/errors';
import { PRINT_FLAGS, withTypeMeta } from '../cli/common';
import { groupVersion, resolveType } from '../discovery/resources';
import { parseOutput, printObjects } from '../output/printObjects';
import { TabWriter } from '../output/tabwriter';
import { goSort } from '../describe/goSort';
import { humanDuration, parseTimestamp } from '../../api/printers/duration';

type Event = Record<string, unknown> & {
  metadata?: { namespace?: string; name?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  involvedObject?: { kind?: string; name?: string };
};

const EVENT_GVK = { group: '', version: 'v1', kind: 'Event' };

function since(ts: string | null | undefined, now: number): string {
  const ms = parseTimestamp(ts);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** event_printer.go getInterval */
export function eventInterval(e: Event, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** printers.EscapeTerminal: control characters shown as Go's %q would. */
function escapeTerminal(s: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

export function eventRow(e: Event, now: number, allNamespaces: boolean): string {
  const ns = allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '';
  return `${ns}${eventInterval(e, now)}\t${escapeTerminal(e.type)}\t${escapeTerminal(e.reason)}\t${escapeTerminal(e.involvedObject?.kind)}/${escapeTerminal(e.involvedObject?.name)}\t${escapeTerminal((e.message ?? '').trim())}\n`;
}

export const EVENTS_HEADER = 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n';

/** SortableEvents: series time, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  const t = e.series ? parseTimestamp(e.series.lastObservedTime) : parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime);
  return t ?? Number.NEGATIVE_INFINITY;
}

export function sortEvents(events: Event[]): Event[] {
  return goSort([...events], (a, b) => eventTime(a) < eventTime(b));
}

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  flags: [
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'strings' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const all = f.bool('all-namespaces');
    const query: Record<string, string> = {};
    const forObject = f.string('for');
    if (forObject) {
      if (!forObject.includes('/')) throw new KubectlError('error: --for must be in resource/name form');
      const seg = forObject.split('/');
      if (seg.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash');
      const r = resolveType(await ctx.discovery(), seg[0].toLowerCase());
      query.fieldSelector = `involvedObject.kind=${r.kind},involvedObject.apiVersion=${groupVersion(r)},involvedObject.name=${seg[1]}`;
    }
    const types = [...new Set(f.strings('types'))].sort();
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('error: valid --types are Normal or Warning');
    const wanted = (e: Event) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
    const output = f.string('output');
    const format = output ? parseOutput(output, false) : undefined;
    const namespace = all ? undefined : ctx.namespace;
    if (f.bool('watch')) return watchEvents(ctx, namespace, query, wanted, format, all);
    const res = await ctx.client.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace, query: { ...query, limit: String(f.int('chunk-size')) } });
    if (res.status !== 200) throw new ApiError(statusOf(res));
    const items = (((res.body as { items?: Event[] }).items ?? []) as Event[]).filter(wanted).map((e) => withTypeMeta(e, EVENT_GVK) as Event);
    if (items.length === 0) {
      ctx.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const sorted = sortEvents(items);
    if (format) {
      // The whole EventList goes to the printer, as upstream passes `el`.
      ctx.out(printObjects(format, [{ object: { apiVersion: 'v1', items: sorted, kind: 'EventList', metadata: { resourceVersion: String(((res.body as { metadata?: { resourceVersion?: string } }).metadata ?? {}).resourceVersion ?? '') } }, kindPrefix: 'eventlist' }], true, { showManagedFields: f.bool('show-managed-fields') }));
      return;
    }
    const now = ctx.client.now();
    const w = new TabWriter((t) => ctx.out(t));
    if (!f.bool('no-headers')) w.write(all ? `NAMESPACE\t${EVENTS_HEADER}` : EVENTS_HEADER);
    for (const e of sorted) w.write(eventRow(e, now, all));
    w.flush();
  },
};

async function watchEvents(ctx: Ctx, namespace: string | undefined, query: Record<string, string>, wanted: (e: Event) => boolean, format: ReturnType<typeof parseOutput> | undefined, all: boolean): Promise<void> {
  const w = new TabWriter((t) => ctx.out(t));
  let headers = ctx.flags.bool('no-headers');
  let failure: unknown;
  await new Promise<void>((resolve) => {
    let stop: (() => void) | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stop?.();
      resolve();
    };
    ctx.io.signal.addEventListener('abort', finish, { once: true });
    if (ctx.io.signal.aborted) return finish();
    void ctx.client
      .watch({ verb: 'watch', group: '', version: 'v1', resource: 'events', namespace, query }, (ev) => {
        // Events expire after an hour; their deletion is not news.
        if (done || ev.type === 'DELETED' || ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
        const e = withTypeMeta(ev.object as Event, EVENT_GVK) as Event;
        if (!wanted(e)) return;
        if (format) {
          ctx.out(printObjects(format, [{ object: e, kindPrefix: 'event' }], true, { showManagedFields: ctx.flags.bool('show-managed-fields') }));
          return;
        }
        if (!headers) {
          w.write(all ? `NAMESPACE\t${EVENTS_HEADER}` : EVENTS_HEADER);
          headers = true;
        }
        w.write(eventRow(e, ctx.client.now(), all));
        w.flush();
      })
      .then((h) => {
        if (!('stop' in h)) {
          failure = new ApiError(statusOf(h));
          return finish();
        }
        stop = () => h.stop();
        if (done) h.stop();
      });
  });
  if (failure) throw failure;
  void check;
}
