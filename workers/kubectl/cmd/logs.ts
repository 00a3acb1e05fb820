/**
 * `kubectl logs`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go:
 * POD [CONTAINER] or TYPE/NAME, -c, -p, --tail, --timestamps, --since, -f.
 */
import type { Command, Ctx } from '../cli/command';
import { check, KubectlError, responseErrorText } from '../cli/errors';
import { podFor, defaultContainer, type Pod } from '../cli/podFor';

const USAGE = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

/** Wall-clock interval at which a followed log is read again. */
const FOLLOW_POLL_MS = 250;

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  completeArgs: 'pods',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'string' },
    { name: 'since-time', type: 'string' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string', default: '20s' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const args = f.args;
    if (args.length === 0 && !f.string('selector')) throw new KubectlError(USAGE);
    if (args.length > 2) throw new KubectlError(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
    if (args.length === 2 && f.changed('container')) throw new KubectlError(`error: only one of -c or an inline [CONTAINER] arg is allowed`);
    let pods: Pod[];
    if (f.string('selector')) {
      if (args.length) throw new KubectlError(`error: only a selector (-l) or a POD name is allowed`);
      const list = check(await ctx.client.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: ctx.namespace, query: { labelSelector: f.string('selector') } })).body as { items: Pod[] };
      pods = list.items;
      if (pods.length === 0) {
        ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
        return;
      }
    } else pods = [await podFor(ctx, args[0], 'logs')];
    const byLabel = !!f.string('selector');
    for (const pod of pods) {
      const containers = f.bool('all-containers') ? (pod.spec?.containers ?? []).map((c) => c.name) : [args[1] ?? (f.string('container') || defaultContainer(ctx, pod, 'logs'))];
      for (const container of containers) await printLog(ctx, pod, container, byLabel || f.bool('prefix'));
    }
  },
};

async function printLog(ctx: Ctx, pod: Pod, container: string, prefix: boolean): Promise<void> {
  const f = ctx.flags;
  const query: Record<string, string> = { container };
  if (f.bool('previous')) query.previous = 'true';
  if (f.int('tail') >= 0) query.tailLines = String(f.int('tail'));
  if (f.bool('timestamps')) query.timestamps = 'true';
  if (f.int('limit-bytes') > 0) query.limitBytes = String(f.int('limit-bytes'));
  const since = f.string('since');
  if (since) {
    const secs = parseGoDuration(since);
    if (secs === undefined) throw new KubectlError(`Error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"\nSee 'kubectl logs --help' for usage.`);
    query.sinceSeconds = String(Math.max(1, Math.ceil(secs)));
  }
  if (f.string('since-time')) query.sinceTime = f.string('since-time');
  const base = { verb: 'get' as const, group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'log' };
  const tag = prefix ? `[pod/${pod.metadata.name}/${container}] ` : '';
  const emit = (text: string) => ctx.out(prefix ? text.replace(/^(?=.)/gm, tag) : text);
  const r = await ctx.client.request({ ...base, query });
  if (r.status !== 200) throw new KubectlError(responseErrorText(r));
  let sent = typeof r.body === 'string' ? r.body : '';
  emit(sent);
  if (!f.bool('follow')) return;
  // Follow: read the whole log again and print what is new, until the container stops or Ctrl+C.
  const { tailLines: _t, limitBytes: _l, ...whole } = query;
  const first = await ctx.client.request({ ...base, query: whole });
  let seen = typeof first.body === 'string' ? first.body : sent;
  sent = seen;
  while (!ctx.io.signal.aborted) {
    await sleep(FOLLOW_POLL_MS, ctx.io.signal);
    if (ctx.io.signal.aborted) break;
    const next = await ctx.client.request({ ...base, query: whole });
    if (next.status === 200 && typeof next.body === 'string' && next.body.length > seen.length && next.body.startsWith(seen)) {
      emit(next.body.slice(seen.length));
      seen = next.body;
    }
    const p = await ctx.client.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name });
    const phase = (p.body as { status?: { phase?: string } }).status?.phase;
    if (p.status !== 200 || phase === 'Succeeded' || phase === 'Failed') break;
  }
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

/** Go's time.ParseDuration, in seconds. */
export function parseGoDuration(s: string): number | undefined {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(s);
  if (!m && s !== '0') return undefined;
  if (s === '0') return 0;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const p of s.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(p[1]) * unit[p[2]];
  return s.startsWith('-') ? -total : total;
}
