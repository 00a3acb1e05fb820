/**
 * What `kubectl run -i/--attach` and `kubectl attach` do once a pod exists:
 * wait for it to run and be ready (run.go waitForPod / podRunningAndReady),
 * then stream the container's output. The playground has no streaming
 * attach, so "attached" means following the container's log (what attach
 * shows as stdout) until the container stops or Ctrl+C.
 */
import type { Ctx } from './command';
import { KubectlError, responseErrorText } from './errors';
import type { Pod } from './podFor';
import type { WatchEvent } from '../../api/request';

/** Wall-clock interval at which an attached log is read again. */
const POLL_MS = 200;
/** containerd's (and the runtime's) log line limit: longer output is logged in parts of this size. */
const PART = 16 * 1024;

export type PodWait = { pod: Pod } | { interrupted: true };

/** watchtools.UntilWithSync over one pod; rejects with kubectl's texts on timeout or deletion. */
export function waitForPod(ctx: Ctx, namespace: string, name: string, timeoutMs: number, until: (p: Pod) => boolean | 'completed'): Promise<PodWait & { completed?: boolean }> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | undefined;
    let settled = false;
    const finish = (v: { ok?: PodWait & { completed?: boolean }; err?: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop?.();
      if (v.ok) resolve(v.ok);
      else reject(v.err);
    };
    const timer = setTimeout(() => finish({ err: new KubectlError('error: timed out waiting for the condition') }), timeoutMs);
    ctx.io.signal.addEventListener('abort', () => finish({ ok: { interrupted: true } }), { once: true });
    if (ctx.io.signal.aborted) return finish({ ok: { interrupted: true } });
    const look = (e: WatchEvent) => {
      if (e.type === 'DELETED') return finish({ err: new KubectlError(`Error from server (NotFound): pods "" not found`) });
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
      const p = e.object as Pod;
      const r = until(p);
      if (r === 'completed') finish({ ok: { pod: p, completed: true } });
      else if (r) finish({ ok: { pod: p } });
    };
    void ctx.client.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace, query: { fieldSelector: `metadata.name=${name}` } }).then((list) => {
      if (settled) return;
      if (list.status !== 200) return finish({ err: new KubectlError(responseErrorText(list)) });
      const body = list.body as { items?: Pod[]; metadata?: { resourceVersion?: string } };
      for (const p of body.items ?? []) look({ type: 'ADDED', object: p } as WatchEvent);
      if (settled) return;
      void ctx.client
        .watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace, query: { fieldSelector: `metadata.name=${name}`, resourceVersion: body.metadata?.resourceVersion ?? '0' } }, look)
        .then((h) => {
          if (!('stop' in h)) return finish({ err: new KubectlError(responseErrorText(h)) });
          stop = () => h.stop();
          if (settled) h.stop();
        });
    });
  });
}

const phaseOf = (p: Pod) => (p.status as { phase?: string } | undefined)?.phase;

/** run.go podRunningAndReady (completed pods end the wait too). */
export function podRunningAndReady(p: Pod): boolean | 'completed' {
  const phase = phaseOf(p);
  if (phase === 'Succeeded' || phase === 'Failed') return 'completed';
  if (phase !== 'Running') return false;
  const conds = (p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** run.go podCompleted / podSucceeded. */
export const podCompleted = (p: Pod) => phaseOf(p) === 'Succeeded' || phaseOf(p) === 'Failed';
export const podSucceeded = (p: Pod) => phaseOf(p) === 'Succeeded';

/**
 * Print the container's log from its start and keep printing what it adds,
 * until the container's current run ends (a restart or a finished pod) or
 * Ctrl+C. Returns whether Ctrl+C ended it.
 */
export async function followContainer(ctx: Ctx, pod: Pod, container: string): Promise<{ interrupted: boolean }> {
  const { namespace, name } = pod.metadata;
  const base = { verb: 'get' as const, group: '', version: 'v1', resource: 'pods', namespace, name };
  const startedAt = (p: Pod) => ((p.status as { containerStatuses?: { name: string; state?: { running?: { startedAt?: string } }; restartCount?: number }[] } | undefined)?.containerStatuses ?? []).find((c) => c.name === container);
  const first = startedAt(pod);
  const restarts = first?.restartCount ?? 0;
  // Follow by time, not by offset: the log keeps a bounded tail. Entries
  // stamped with the last time seen are skipped as many as were printed.
  let lastTs = '';
  let atLast = 0;
  const read = async (): Promise<boolean> => {
    const query: Record<string, string> = { container, timestamps: 'true' };
    if (lastTs) query.sinceTime = lastTs;
    const r = await ctx.client.request({ ...base, subresource: 'log', query });
    if (r.status !== 200 || typeof r.body !== 'string') return false;
    const lines = r.body.split('\n');
    lines.pop();
    let skip = atLast;
    let text = '';
    for (const l of lines) {
      const sp = l.indexOf(' ');
      const ts = sp < 0 ? '' : l.slice(0, sp);
      if (ts === lastTs && skip > 0) {
        skip--;
        continue;
      }
      if (ts === lastTs) atLast++;
      else {
        lastTs = ts;
        atLast = 1;
      }
      const body = sp < 0 ? l : l.slice(sp + 1);
      // A line longer than the runtime's 16 KiB limit comes in parts; the parts join up again.
      text += body.length === PART ? body : `${body}\n`;
    }
    if (text) ctx.out(text);
    return true;
  };
  await read();
  while (!ctx.io.signal.aborted) {
    await sleep(POLL_MS, ctx.io.signal);
    if (ctx.io.signal.aborted) break;
    await read();
    const p = await ctx.client.request(base);
    if (p.status !== 200) break;
    const now = p.body as Pod;
    const phase = phaseOf(now);
    if (phase === 'Succeeded' || phase === 'Failed') break;
    const cs = startedAt(now);
    if (cs && ((cs.restartCount ?? 0) !== restarts || !cs.state?.running)) break;
  }
  if (!ctx.io.signal.aborted) await read();
  return { interrupted: ctx.io.signal.aborted };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
