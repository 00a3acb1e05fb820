/**
 * The pod a `logs`/`exec` argument stands for: a pod name, `pod/NAME`, or a
 * workload (`deployment/web`, `job/x`, `svc/x`) whose selector picks one.
 * Mirrors polymorphichelpers.AttachablePodForObject: pods sorted with the
 * most useful first (ready, running, newest) and "Found N pods, using pod/X".
 */
import type { Ctx } from './command';
import { check, KubectlError } from './errors';
import { req } from './common';
import { resolveType } from '../discovery/resources';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { podFields } from './podFields';

export type Pod = Record<string, unknown> & { metadata: { name: string; namespace: string; annotations?: Record<string, string>; creationTimestamp?: string; labels?: Record<string, string> }; spec?: { containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[]; nodeName?: string }; status?: Record<string, unknown> };

export async function podFor(ctx: Ctx, arg: string, verb: 'logs' | 'exec'): Promise<Pod> {
  const slash = arg.indexOf('/');
  const d = await ctx.discovery();
  const podsRes = resolveType(d, 'pods');
  if (slash < 0) return getPod(ctx, arg, verb);
  const r = resolveType(d, arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (r.resource === 'pods' && r.group === '') return getPod(ctx, name, verb);
  const obj = check(await ctx.client.request(req(r, 'get', { namespace: ctx.namespace, name }))).body as { spec?: { selector?: unknown } };
  let selector: string;
  if (r.resource === 'services' || r.resource === 'replicationcontrollers') {
    const sel = (obj.spec?.selector ?? {}) as Record<string, string>;
    if (Object.keys(sel).length === 0) throw new KubectlError(`error: invalid service '${name}': Service is defined without a selector`);
    selector = Object.keys(sel)
      .sort()
      .map((k) => `${k}=${sel[k]}`)
      .join(',');
  } else {
    const parsed = selectorFromLabelSelector(obj.spec?.selector as never);
    if (!parsed.ok) throw new KubectlError(`error: ${parsed.error}`);
    selector = parsed.selector.toString();
    if (!obj.spec?.selector) throw new KubectlError(`error: cannot attach to ${r.kind}: selector for ${r.kind} not implemented`);
  }
  const list = check(await ctx.client.request(req(podsRes, 'list', { namespace: ctx.namespace, query: { labelSelector: selector } }))).body as { items: Pod[] };
  const pods = [...list.items].sort(activePodsFirst);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

/** A pod by name; for logs, polymorphichelpers words a missing one its own way. */
async function getPod(ctx: Ctx, name: string, verb: 'logs' | 'exec'): Promise<Pod> {
  const r = await ctx.client.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: ctx.namespace, name });
  if (r.status === 404 && verb === 'logs') throw new KubectlError(`error: error from server (NotFound): pods "${name}" not found in namespace "${ctx.namespace}"`);
  return check(r).body as Pod;
}

/** podutils.ByLogging: assigned before unassigned, running before pending, ready before not, more restarts, newer first. */
function activePodsFirst(a: Pod, b: Pod): number {
  const fa = podFields(a);
  const fb = podFields(b);
  if (fa.assigned !== fb.assigned) return fa.assigned ? -1 : 1;
  const rank = (p: string) => (p === 'Running' ? 0 : p === 'Unknown' ? 1 : p === 'Pending' ? 2 : 3);
  if (rank(fa.phase) !== rank(fb.phase)) return rank(fa.phase) - rank(fb.phase);
  if (fa.ready !== fb.ready) return fa.ready ? -1 : 1;
  if (fa.restarts !== fb.restarts) return fb.restarts - fa.restarts;
  if (fa.created !== fb.created) return fa.created > fb.created ? -1 : 1;
  return 0;
}

/** The container a command uses when -c is not given, with kubectl's notice when there is a choice. */
export function defaultContainer(ctx: Ctx, pod: Pod, verb: 'logs' | 'exec'): string {
  const containers = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  if (containers.length > 1) {
    const names = [...(pod.spec?.initContainers ?? []), ...containers, ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
    ctx.err(`Defaulted container "${containers[0].name}" out of: ${names.join(', ')}\n`);
  }
  void verb;
  return containers[0]?.name ?? '';
}
