/**
 * `kubectl wait --for=condition=Ready|delete|create|jsonpath=... TYPE/NAME`.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/wait (wait.go, condition.go,
 * delete.go, create.go, json.go; v1.32): each object is read, then watched
 * until the condition holds, printing "kind/name condition met"; the
 * timeout (wall clock, like kubectl's) ends with "timed out waiting for the
 * condition on pods/x"; Ctrl+C stops waiting.
 */
import type { Command, Ctx } from '../cli/command';
import { ApiError, KubectlError, check, statusOf } from '../cli/errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, req, withTypeMeta } from '../cli/common';
import { resolveTargets, type Target } from '../cli/targets';
import { operationPrinter } from '../cli/operationPrinter';
import { kindPrefix } from '../discovery/resources';
import { parseGoDuration } from './logs';
import { printJsonPath } from '../output/jsonpath';
import type { WatchEvent } from '../../api/request';

type Obj = Record<string, unknown>;

export type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; template: string; value?: string };

/** conditionFuncFor */
export function parseCondition(spec: string): Condition {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (spec.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { kind: 'condition', name: rest, value: 'true' } : { kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (spec.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(spec.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new KubectlError(`error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
    const template = relaxedJsonPath(parts[0]);
    if (parts.length === 1) return { kind: 'jsonpath', template };
    const value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new KubectlError(`error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3`);
    return { kind: 'jsonpath', template, value };
  }
  throw new KubectlError(`error: unrecognized condition: ${JSON.stringify(spec)}`);
}

function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/** get.RelaxedJSONPathExpression: `.a.b`, `{.a.b}`, `a.b` all mean `{.a.b}`. */
function relaxedJsonPath(s: string): string {
  if (s === '') throw new KubectlError('error: jsonpath expression cannot be empty');
  const m = /^\{?(.*?)\}?$/.exec(s);
  let body = m ? m[1] : s;
  if (!body.startsWith('.') && !body.startsWith('[')) body = `.${body}`;
  return `{${body}}`;
}

/** ConditionalWait.checkCondition */
export function conditionMet(o: Obj, name: string, value: string): boolean {
  const status = (o.status ?? {}) as { conditions?: Obj[]; observedGeneration?: number };
  const generation = (o.metadata as { generation?: number } | undefined)?.generation;
  for (const c of status.conditions ?? []) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    if (generation !== undefined) {
      const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status.observedGeneration;
      if (observed !== undefined && observed < generation) return false;
    }
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** JSONPathWait.isJSONPathConditionMet (one result compared as text; any value when none is given). */
export function jsonPathMet(o: Obj, template: string, value: string | undefined): boolean {
  let text: string;
  try {
    text = printJsonPath(template, o);
  } catch {
    return false;
  }
  if (value === undefined) return text !== '';
  return text === value;
}

function check1(cond: Condition, o: Obj): boolean {
  if (cond.kind === 'condition') return conditionMet(o, cond.name, cond.value);
  if (cond.kind === 'jsonpath') return jsonPathMet(o, cond.template, cond.value);
  return true;
}

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string', default: '30s' },
    { name: 'all', type: 'bool' },
    ALL_NAMESPACES_FLAG,
    SELECTOR_FLAG,
    { name: 'field-selector', type: 'string' },
    FILENAME_FLAG,
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const cond = parseCondition(f.string('for'));
    const timeoutText = f.string('timeout');
    const secs = parseGoDuration(timeoutText);
    if (secs === undefined) throw new KubectlError(`Error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl wait --help' for usage.`);
    const timeoutMs = secs < 0 ? 168 * 3600_000 : secs * 1000;
    const printer = operationPrinter(ctx, 'none');
    if (f.args.length === 0 && f.strings('filename').length === 0) {
      throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    const deadline = Date.now() + timeoutMs;
    if (cond.kind === 'create') await waitCreated(ctx, deadline, timeoutMs);
    const targets = await resolveTargets(ctx, f.args, { selector: f.string('selector'), all: f.bool('all'), allNamespaces: f.bool('all-namespaces'), files: f.strings('filename') });
    let visited = 0;
    for (const t of targets) {
      // The builder reads named objects first (Latest); for delete a missing one is simply done.
      let obj = t.object;
      if (!obj) {
        const g = await ctx.client.request(req(t.resource, 'get', { namespace: t.namespace, name: t.name }));
        if (g.status === 404 && cond.kind === 'delete') continue;
        if (g.status !== 200) throw new ApiError(statusOf(g));
        obj = withTypeMeta(g.body as Obj, t.resource);
      }
      visited++;
      const result = cond.kind === 'delete' ? await untilDeleted(ctx, t, obj, deadline, timeoutMs) : await untilCondition(ctx, t, cond, deadline, timeoutMs);
      printer.print(result, kindPrefix(t.resource), 'condition met');
    }
    if (visited === 0 && cond.kind !== 'delete') throw new KubectlError('error: no matching resources found');
  },
};

const timedOut = (t: Target) => new KubectlError(`error: timed out waiting for the condition on ${t.resource.resource}/${t.name}`);

/** --for=create: poll every 500ms until every named object exists. */
async function waitCreated(ctx: Ctx, deadline: number, timeoutMs: number): Promise<void> {
  for (;;) {
    try {
      const ts = await resolveTargets(ctx, ctx.flags.args, { selector: ctx.flags.string('selector'), files: ctx.flags.strings('filename') });
      let missing = false;
      for (const t of ts) {
        if (t.object) continue;
        const g = await ctx.client.request(req(t.resource, 'get', { namespace: t.namespace, name: t.name }));
        if (g.status === 404) missing = true;
        else check(g);
      }
      if (!missing) return;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
    if (timeoutMs === 0 || Date.now() >= deadline) throw new KubectlError('error: timed out waiting for the condition');
    if (!(await sleep(Math.min(500, deadline - Date.now()), ctx.io.signal))) throw new KubectlError('error: timed out waiting for the condition');
  }
}

async function untilCondition(ctx: Ctx, t: Target, cond: Condition, deadline: number, timeoutMs: number): Promise<Obj> {
  const r = t.resource;
  const got = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }));
  if (got.status !== 200) throw new ApiError(statusOf(got));
  const obj = withTypeMeta(got.body as Obj, r);
  if (check1(cond, obj)) return obj;
  if (timeoutMs === 0) throw new KubectlError(`error: condition not met for ${r.resource}/${t.name}`);
  return watchUntil(ctx, t, deadline, String((obj.metadata as { resourceVersion?: string }).resourceVersion ?? ''), (e) => {
    if (e.type === 'DELETED') return { fail: new ApiError({ kind: 'Status', code: 404, reason: 'NotFound', message: `${r.group ? `${r.resource}.${r.group}` : r.resource} "${t.name}" not found` }) };
    if (e.type === 'ADDED' || e.type === 'MODIFIED') {
      const o = withTypeMeta(e.object as Obj, r);
      if (check1(cond, o)) return { done: o };
    }
    return undefined;
  });
}

async function untilDeleted(ctx: Ctx, t: Target, obj: Obj, deadline: number, timeoutMs: number): Promise<Obj> {
  if (timeoutMs === 0) throw new KubectlError(`error: condition not met for ${t.resource.resource}/${t.name}`);
  const uid = (obj.metadata as { uid?: string }).uid;
  const again = await ctx.client.request(req(t.resource, 'get', { namespace: t.namespace, name: t.name }));
  if (again.status === 404 || (again.status === 200 && (again.body as { metadata?: { uid?: string } }).metadata?.uid !== uid)) return obj;
  return watchUntil(ctx, t, deadline, String(((again.body as Obj).metadata as { resourceVersion?: string }).resourceVersion ?? ''), (e) => (e.type === 'DELETED' ? { done: obj } : undefined));
}

/** A watch of one object until `step` decides; the deadline and Ctrl+C end it too. */
function watchUntil(ctx: Ctx, t: Target, deadline: number, resourceVersion: string, step: (e: WatchEvent) => { done?: Obj; fail?: Error } | undefined): Promise<Obj> {
  return new Promise<Obj>((resolve, reject) => {
    let stop: (() => void) | undefined;
    let settled = false;
    const finish = (v: { done?: Obj; fail?: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop?.();
      if (v.done) resolve(v.done);
      else reject(v.fail);
    };
    const timer = setTimeout(() => finish({ fail: timedOut(t) }), Math.max(0, deadline - Date.now()));
    // Ctrl+C ends kubectl wait quietly, as the interrupt handler cancels its context.
    ctx.io.signal.addEventListener('abort', () => finish({ fail: new KubectlError('', 1) }), { once: true });
    if (ctx.io.signal.aborted) return finish({ fail: new KubectlError('', 1) });
    void ctx.client
      .watch(req(t.resource, 'watch', { namespace: t.namespace, query: { fieldSelector: `metadata.name=${t.name}`, resourceVersion } }), (e) => {
        if (settled) return;
        const v = step(e);
        if (v) finish(v);
      })
      .then((h) => {
        if (!('stop' in h)) return finish({ fail: new ApiError(statusOf(h)) });
        stop = () => h.stop();
        if (settled) h.stop();
      });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const t = setTimeout(() => resolve(true), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve(false);
    }, { once: true });
  });
}
