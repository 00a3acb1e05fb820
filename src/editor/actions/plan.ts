/**
 * What apply, diff and delete share: parse the text, resolve every object to
 * its resource, and build the requests kubectl would send.
 */
import type { ApiRequest, ApiResponse } from '../../../workers/api/request';
import { noKindMatchMessage, qualifiedKind, type ResourceMapping } from '../discovery';
import { parseManifestsAsync, type ManifestObject, type Problem, type SourceMap } from '../manifests';
import { createResolver } from '../resolver';
import { asStatus, kubectlErrorLine, markersForStatus, type StatusLike } from '../statusMarkers';
import type { ActionContext, ActionOutcome, EditorActionName, ResultLine } from './types';

export const FIELD_MANAGER = 'kube-playground';

export interface Target {
  obj: ManifestObject;
  mapping: ResourceMapping;
  /** Set for namespaced kinds. */
  namespace?: string;
}

export type Plan = { ok: true; targets: Target[]; source: SourceMap } | { ok: false; outcome: ActionOutcome };

export async function planTargets(action: EditorActionName, ctx: ActionContext): Promise<Plan> {
  const parsed = await parseManifestsAsync(ctx.text);
  if (!parsed.ok) {
    const results = parsed.problems.map((p) => ({ tone: 'error' as const, text: `error: line ${p.range.startLine}, column ${p.range.startColumn}: ${p.message}` }));
    return { ok: false, outcome: { action, ok: false, problems: parsed.problems, results, notice: { tone: 'error', title: 'Nothing was sent', message: parsed.problems[0].message } } };
  }
  if (!parsed.objects.length) {
    return { ok: false, outcome: { action, ok: false, problems: [], results: [], notice: { tone: 'info', title: 'Nothing to do', message: 'The editor holds no objects. Pick an example or write a manifest.' } } };
  }
  const resolver = createResolver(ctx.request);
  const targets: Target[] = [];
  const problems: Problem[] = [];
  const results: ResultLine[] = [];
  for (const obj of parsed.objects) {
    const mapping = await resolver.resolve(obj.apiVersion, obj.kind);
    if (!mapping) {
      const message = noKindMatchMessage(obj.apiVersion, obj.kind);
      problems.push({ message, range: parsed.source.rangeOfPath(obj, [{ kind: 'field', name: 'kind' }]) });
      // kubectl's wording for a manifest whose kind nobody serves (resource.NoKindMatchError in cmd/apply).
      results.push({ tone: 'error', text: `error: resource mapping not found for name: "${obj.name}" namespace: "${obj.namespace ?? ''}": ${message}` });
      continue;
    }
    const t: Target = { obj, mapping };
    if (mapping.namespaced) t.namespace = obj.namespace ?? ctx.defaultNamespace;
    targets.push(t);
  }
  if (problems.length) {
    return { ok: false, outcome: { action, ok: false, problems, results, notice: { tone: 'error', title: 'Nothing was sent', message: problems[0].message } } };
  }
  return { ok: true, targets, source: parsed.source };
}

function base(t: Target): Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace' | 'name'> {
  const r: Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace' | 'name'> = {
    group: t.mapping.group,
    version: t.mapping.version,
    resource: t.mapping.resource,
    name: t.obj.name,
  };
  if (t.namespace !== undefined) r.namespace = t.namespace;
  return r;
}

/** Server-side apply, as `kubectl apply --server-side --field-manager=kube-playground` sends it. */
export function applyRequest(t: Target, opts: { dryRun?: boolean; force?: boolean } = {}): ApiRequest {
  const body = t.namespace !== undefined ? withNamespace(t.obj.object, t.namespace) : t.obj.object;
  const query: Record<string, string> = { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict' };
  if (opts.force) query.force = 'true';
  if (opts.dryRun) query.dryRun = 'All';
  return { verb: 'patch', ...base(t), contentType: 'application/apply-patch+yaml', body, query };
}

export function getRequest(t: Target): ApiRequest {
  return { verb: 'get', ...base(t) };
}

/** `kubectl delete -f`: background cascading deletion. */
export function deleteRequest(t: Target): ApiRequest {
  return { verb: 'delete', ...base(t), body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' } };
}

function withNamespace(obj: Record<string, unknown>, namespace: string): Record<string, unknown> {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  return meta.namespace === namespace ? obj : { ...obj, metadata: { ...meta, namespace } };
}

/** `deployment.apps/web` */
export function targetName(t: Target): string {
  return `${qualifiedKind(t.mapping)}/${t.obj.name}`;
}

export interface DryRunResult {
  target: Target;
  response: ApiResponse;
  /**
   * The dry run failed only because the object's namespace does not exist yet
   * and an earlier object in the same text creates it.
   */
  awaitsNamespace: boolean;
}

export interface DryRunFailure {
  target: Target;
  status: StatusLike;
}

/**
 * Sends every object as a server dry run. Nothing is stored; the failures say
 * what a real apply would reject.
 */
export async function dryRunAll(ctx: ActionContext, targets: readonly Target[], force = false): Promise<{ results: DryRunResult[]; failures: DryRunFailure[] }> {
  const results: DryRunResult[] = [];
  const failures: DryRunFailure[] = [];
  const namespacesMadeEarlier = new Set<string>();
  for (const target of targets) {
    const response = await ctx.request(applyRequest(target, { dryRun: true, force }));
    const ok = response.status === 200 || response.status === 201;
    const status = ok ? undefined : asStatus(response.body, response.status);
    const awaitsNamespace =
      !ok && response.status === 404 && status?.details?.kind === 'namespaces' && namespacesMadeEarlier.has(status.details.name ?? '');
    if (!ok && !awaitsNamespace) failures.push({ target, status: status! });
    results.push({ target, response, awaitsNamespace });
    if (target.mapping.group === '' && target.mapping.kind === 'Namespace') namespacesMadeEarlier.add(target.obj.name);
  }
  return { results, failures };
}

/** The outcome when any dry run fails: markers on the lines the API named, nothing applied. */
export function rejectedOutcome(action: EditorActionName, failures: readonly DryRunFailure[], source: SourceMap, total: number): ActionOutcome {
  const problems = failures.flatMap((f) => markersForStatus(f.status, f.target.obj, source));
  const results: ResultLine[] = failures.map((f) => ({ tone: 'error', text: kubectlErrorLine(f.status) }));
  const first = failures[0].status;
  const conflict = failures.some((f) => f.status.code === 409 || f.status.reason === 'Conflict');
  const rejected = failures.length === 1 ? `${targetName(failures[0].target)} was rejected` : `${failures.length} of ${total} objects were rejected`;
  const title = action === 'apply' ? `Nothing applied: ${rejected}` : `Dry run failed: ${rejected}`;
  return {
    action,
    ok: false,
    problems,
    results,
    notice: { tone: 'error', title, message: first.message ?? 'request failed', ...(conflict && action === 'apply' ? { offerForce: true } : {}) },
  };
}
