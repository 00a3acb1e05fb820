/**
 * The attached half of `kubectl run -i/--attach [--rm]`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (v1.32) Run after the pod is
 * created: wait until it runs, attach (here: follow its output, see
 * cli/attach.ts), then for restart Never/OnFailure wait for it to finish and
 * exit with its code; --rm deletes what was created, printing
 * `pod "NAME" deleted`, before the error (a deferred call upstream).
 */
import type { Ctx } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { followContainer, podCompleted, podRunningAndReady, podSucceeded, waitForPod } from '../cli/attach';
import { defaultContainer, type Pod } from '../cli/podFor';

export interface AttachedRun {
  name: string;
  restart: string;
  tty: boolean;
  interactive: boolean;
  timeoutMs: number;
  /** What --rm deletes, in creation order. */
  created: { resource: string; name: string }[];
}

/** Exit code of Ctrl+C: with a TTY the ^C reaches the container's shell (128 + SIGINT). */
const INTERRUPTED_TTY = 130;

export async function runAttached(ctx: Ctx, o: AttachedRun): Promise<number> {
  let outcome: { code: number; error?: KubectlError };
  try {
    outcome = await attachAndWait(ctx, o);
  } catch (e) {
    outcome = { code: 1, error: e instanceof KubectlError ? e : new KubectlError(`error: ${(e as Error).message}`) };
  }
  if (ctx.flags.bool('rm')) await removeCreated(ctx, o.created);
  if (outcome.error) throw outcome.error;
  return outcome.code;
}

async function attachAndWait(ctx: Ctx, o: AttachedRun): Promise<{ code: number; error?: KubectlError }> {
  const ns = ctx.namespace;
  const interrupted = { code: o.tty ? INTERRUPTED_TTY : 1 };
  const ready = await waitForPod(ctx, ns, o.name, o.timeoutMs, podRunningAndReady);
  if ('interrupted' in ready) return interrupted;
  const pod = ready.pod;
  const container = defaultContainer(ctx, pod, 'logs');
  if (!ready.completed) {
    const spec = (pod.spec?.containers ?? []).find((c) => c.name === container) as { tty?: boolean } | undefined;
    let tty = o.tty;
    if (tty && !spec?.tty) {
      tty = false;
      if (!ctx.flags.bool('quiet')) ctx.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
    }
    if (!ctx.flags.bool('quiet')) ctx.err(`If you don't see a command prompt, try pressing enter.\n`);
    const followed = await followContainer(ctx, pod, container);
    if (followed.interrupted) return interrupted;
    if (!ctx.flags.bool('quiet') && o.interactive && tty && o.restart === 'Always') {
      ctx.out(`Session ended, resume using 'kubectl attach ${o.name} -c ${container} -i -t' command when the pod is running\n`);
    }
  } else {
    // A pod that finished before we could attach: its log, once (run.go logOpts).
    const r = await ctx.client.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: ns, name: o.name, subresource: 'log', query: { container } });
    if (r.status !== 200) return { code: 1, error: new KubectlError(responseErrorText(r)) };
    if (typeof r.body === 'string') ctx.out(r.body);
  }
  const waitForExit = !ctx.flags.bool('leave-stdin-open') && (o.restart === 'Never' || o.restart === 'OnFailure');
  if (!waitForExit) return { code: 0 };
  const done = await waitForPod(ctx, ns, o.name, o.timeoutMs, (p) => (o.restart === 'OnFailure' ? podSucceeded(p) : podCompleted(p)));
  if ('interrupted' in done) return interrupted;
  return exitOf(done.pod);
}

/** The exit of a finished pod, as run.go words it. */
export function exitOf(pod: Pod): { code: number; error?: KubectlError } {
  const { namespace, name } = pod.metadata;
  const status = (pod.status ?? {}) as { phase?: string; containerStatuses?: { state?: { terminated?: { exitCode?: number; reason?: string; message?: string } } }[] };
  if (status.phase === 'Succeeded') return { code: 0 };
  if (status.phase === 'Failed') {
    const term = status.containerStatuses?.[0]?.state?.terminated;
    const rc = term?.exitCode ?? 0;
    if (!term || rc === 0) return { code: 1, error: new KubectlError(`error: pod ${namespace}/${name} failed with unknown exit code`) };
    return { code: rc, error: new KubectlError(`pod ${namespace}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`, rc) };
  }
  return { code: 1, error: new KubectlError(`error: pod ${namespace}/${name} left in phase ${status.phase ?? ''}`) };
}

/** removeCreatedObjects: DeleteOptions with IgnoreNotFound, no waiting. */
async function removeCreated(ctx: Ctx, created: { resource: string; name: string }[]): Promise<void> {
  for (const c of created) {
    const r = await ctx.client.request({ verb: 'delete', group: '', version: 'v1', resource: c.resource, namespace: ctx.namespace, name: c.name, body: { propagationPolicy: 'Background' } });
    if (r.status === 404) continue;
    if (r.status >= 300) {
      ctx.err(`${responseErrorText(r)}\n`);
      continue;
    }
    if (!ctx.flags.bool('quiet')) ctx.out(`${c.resource === 'pods' ? 'pod' : 'service'} "${c.name}" deleted\n`);
  }
}
