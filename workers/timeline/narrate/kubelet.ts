/**
 * kubelet/<node>: what the sync did to a Pod (image pulls, container states,
 * phase, readiness), or to its Node (status, Lease), from the Events it
 * recorded and the status it wrote.
 */
import { arr, asObj, eventsOf, listOf, objectWrites, str, type NarratedWrite, type NarrationContext, type Obj } from './context';

export function narrateKubelet(ctx: NarrationContext): string | undefined {
  const node = ctx.entry.component.slice('kubelet/'.length);
  const parts: string[] = [];
  for (const e of eventsOf(ctx)) {
    const said = eventPhrase(e.reason, e.message);
    if (said) parts.push(said);
  }
  for (const w of objectWrites(ctx)) {
    if (w.write.resource === 'pods') parts.push(...podPhrases(w));
    else if (w.write.resource === 'nodes') parts.push(nodePhrase(w));
    else if (w.write.resource === 'leases') parts.push('renewed its Lease');
    else parts.push(`${w.write.op} ${w.write.kind} ${w.write.name}`);
  }
  if (!parts.length) return undefined;
  const pod = ctx.entry.key.includes('/') ? `Pod ${ctx.entry.key.split('/').pop()}: ` : '';
  return `Kubelet ${node}: ${pod}${dedupe(parts).join('; ')}`;
}

const dedupe = (xs: string[]) => [...new Set(xs)];

/** `Successfully pulled image "nginx:1.27" in 2.1s (…)` → `pulled nginx:1.27 in 2.1 s`. */
export function eventPhrase(reason: string, message: string): string | undefined {
  const image = /image "([^"]+)"/.exec(message)?.[1];
  const container = /container (\S+)/i.exec(message)?.[1];
  switch (reason) {
    case 'Pulling': return image ? `pulling ${image}` : undefined;
    case 'Pulled': {
      const took = /in ([0-9.]+)(ms|s|m)\b/.exec(message);
      if (/already present/.test(message)) return image ? `${image} already present` : undefined;
      return image ? `pulled ${image}${took ? ` in ${took[1]} ${took[2]}` : ''}` : undefined;
    }
    case 'Created': return container ? `created container ${container}` : undefined;
    case 'Started': return container ? `started container ${container}` : undefined;
    case 'Killing': return container ? `stopping container ${container}` : message;
    case 'Scheduled': return undefined;
    default: return `${reason}: ${message}`;
  }
}

function stateOf(cs: Obj): string {
  const st = asObj(cs.state);
  if (st.running) return 'Running';
  if (st.terminated) {
    const t = asObj(st.terminated);
    return `Terminated (${str(t.reason) ?? 'Error'}, exit code ${String(t.exitCode ?? '?')})`;
  }
  if (st.waiting) return `Waiting (${str(asObj(st.waiting).reason) ?? ''})`;
  return 'unknown';
}

function podPhrases(w: NarratedWrite): string[] {
  if (w.write.op === 'deleted') return [`removed Pod ${w.write.name}`];
  if (w.write.op === 'created') return [`created mirror Pod ${w.write.name}`];
  const before = asObj(asObj(w.before).status);
  const after = asObj(asObj(w.after).status);
  const out: string[] = [];
  const prev = new Map(arr(before.containerStatuses).concat(arr(before.initContainerStatuses)).map((c) => [str(c.name), c]));
  for (const cs of arr(after.initContainerStatuses).concat(arr(after.containerStatuses))) {
    const was = prev.get(str(cs.name));
    const now = stateOf(cs);
    if (!was || stateOf(was) !== now) out.push(`container ${str(cs.name)} ${now}`);
    if (was && (cs.restartCount as number) > (was.restartCount as number)) out.push(`container ${str(cs.name)} restarted (${String(cs.restartCount)})`);
  }
  if (str(before.phase) !== str(after.phase) && after.phase) out.push(`phase ${str(before.phase) ?? '—'} → ${str(after.phase)}`);
  if (!before.podIP && after.podIP) out.push(`IP ${str(after.podIP)}`);
  const ready = (s: Obj) => str(arr(s.conditions).find((c) => c.type === 'Ready')?.status);
  if (ready(before) !== ready(after) && ready(after)) out.push(ready(after) === 'True' ? 'Ready' : 'not Ready');
  if (!out.length) out.push(`updated Pod ${w.write.name} status`);
  return out;
}

function nodePhrase(w: NarratedWrite): string {
  if (w.write.op === 'created') return `registered Node ${w.write.name}`;
  const conds = arr(asObj(asObj(w.after).status).conditions);
  const ready = conds.find((c) => c.type === 'Ready');
  const pressure = conds.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => str(c.type) ?? '');
  return `posted node status (Ready ${str(ready?.status) ?? 'unknown'}${pressure.length ? `, ${listOf(pressure)}` : ''})`;
}
