/**
 * Subresources: status, scale, pods/binding, pods/eviction, and the node-
 * proxied pods/log and pods/exec (answered by the kubelet through `nodeProxy`).
 */
import { fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import { copyJson, equalJson } from '../json';
import { statusWriteBody } from './statusWrite';
import * as S from '../status';
import { checkBody, currentKey, managerOf, causeOf, isDryRun } from './common';
import { updateObject } from './update';
import { patchResource } from './patch';
import { deleteOne } from './delete';
import type { ApiResponse } from '../request';
import type { ResourceType } from '../kinds/types';
import type { KeyValue } from '../../store/store';

export function handleSubresource(s: Scope): ApiResponse {
  const sub = s.req.subresource!;
  const current = s.store.get(currentKey(s, s.req.name!));
  if (!current) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
  switch (sub) {
    case 'status':
      return statusVerb(s, current);
    case 'scale':
      return scaleVerb(s, current);
    case 'binding':
      return s.req.verb === 'create' ? bind(s, current) : notAllowed(s);
    case 'eviction':
      return s.req.verb === 'create' ? evict(s, current) : notAllowed(s);
    case 'finalize':
      return s.req.verb === 'update' ? finalizeNamespace(s, current) : notAllowed(s);
    default: {
      const proxy = s.server.nodeProxy;
      if (proxy && (sub === 'log' || sub === 'exec' || sub === 'attach')) {
        const r = proxy(s.rt, current.value, sub, s.req.query ?? {}, s.req.body);
        // Logs are plain text, as the kubelet streams them.
        return sub === 'log' && typeof r.body === 'string' ? { ...r, contentType: 'text/plain' } : r;
      }
      if (sub === 'log' || sub === 'exec') return fail(S.badRequest(`pod ${s.req.name} does not have a host assigned`));
      return notAllowed(s);
    }
  }
}

function notAllowed(s: Scope): ApiResponse {
  return fail(S.methodNotSupported(qualifiedOf(s.rt), s.req.verb));
}

function statusVerb(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  switch (s.req.verb) {
    case 'get':
      return ok(current.value);
    case 'update': {
      const checked = checkBody(s, s.req.body);
      if (S.isStatus(checked)) return fail(checked);
      const manager = managerOf(s);
      if (S.isStatus(manager)) return fail(manager);
      const next = statusWriteBody(s.rt, checked);
      const rv = next.metadata?.resourceVersion;
      if (rv && rv !== String(current.modRevision)) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
      const r = updateObject(s, current, next, manager, 'status');
      return r.ok ? ok(r.object) : fail(r.status);
    }
    case 'patch':
      return patchResource(s, 'status');
    default:
      return notAllowed(s);
  }
}

/** `spec.replicas` of a scalable resource as an autoscaling/v1 Scale. */
function scaleOf(rt: ResourceType, o: KubeObject): KubeObject {
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } | Record<string, string> };
  const status = (o.status ?? {}) as { replicas?: number; selector?: string };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: status.selector ?? selectorString(rt, spec.selector) },
  };
}

function selectorString(rt: ResourceType, sel: unknown): string {
  if (!sel || typeof sel !== 'object') return '';
  // ReplicationController selectors are plain maps; the others are LabelSelectors.
  const labels = rt.kind === 'ReplicationController' ? (sel as Record<string, string>) : ((sel as { matchLabels?: Record<string, string> }).matchLabels ?? {});
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  const exprs = (sel as { matchExpressions?: { key: string; operator: string; values?: string[] }[] }).matchExpressions ?? [];
  for (const e of exprs) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

const SCALE_TYPE: ResourceType = { group: 'autoscaling', version: 'v1', kind: 'Scale', plural: 'scale', singular: 'scale', namespaced: true };

function scaleVerb(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  const scale = scaleOf(s.rt, current.value);
  let wanted: KubeObject;
  if (s.req.verb === 'get') return ok(scale);
  if (s.req.verb === 'update') {
    const body = s.req.body as KubeObject;
    if (typeof body !== 'object' || body === null) return fail(S.badRequest('the body of the request must be a Scale'));
    wanted = body;
  } else if (s.req.verb === 'patch') {
    const ct = (s.req.contentType ?? '').split(';')[0].trim();
    const r = s.machinery.patch(SCALE_TYPE, ct, scale, s.req.body);
    if (!r.ok) return fail(r.status);
    wanted = r.object;
  } else return notAllowed(s);
  const replicas = (wanted.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    return fail(
      S.invalid({ group: 'autoscaling', kind: 'Scale' }, s.req.name!, [
        { type: 'FieldValueInvalid', field: 'spec.replicas', value: String(replicas), detail: 'must be greater than or equal to 0' },
      ]),
    );
  }
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== String(current.modRevision)) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
  const manager = managerOf(s);
  if (S.isStatus(manager)) return fail(manager);
  const next = copyJson(current.value);
  (next.spec as { replicas?: number }).replicas = replicas;
  if (equalJson(next, current.value)) return ok(scale);
  const r = updateObject(s, current, next, manager, 'scale');
  return r.ok ? ok(scaleOf(s.rt, r.object)) : fail(r.status);
}

/** pods/binding (pkg/registry/core/pod/storage/storage.go assignPod). */
function bind(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  const b = s.req.body as { target?: { kind?: string; name?: string }; metadata?: { annotations?: Record<string, string> } } | undefined;
  const target = b?.target?.name;
  if (!target) return fail(S.invalid({ group: '', kind: 'Binding' }, s.req.name!, [{ type: 'FieldValueRequired', field: 'target.name', detail: '' }]));
  const pod = current.value;
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (pod.metadata.deletionTimestamp) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, `pod ${pod.metadata.name} is being deleted, cannot be assigned to a host`));
  if (spec.nodeName) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, `pod ${pod.metadata.name} is already assigned to node "${spec.nodeName}"`));
  // Copy on write: only the spine down to what changes is new; the rest is shared with the stored pod.
  const next: KubeObject = { ...pod, metadata: { ...pod.metadata }, spec: { ...(pod.spec as object), nodeName: target } };
  if (b?.metadata?.annotations) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...b.metadata.annotations };
  type Cond = { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: null };
  const status = { ...((pod.status as object | undefined) ?? {}) } as { conditions?: Cond[] };
  next.status = status;
  const conds = (status.conditions = [...(status.conditions ?? [])]);
  const i = conds.findIndex((c) => c.type === 'PodScheduled');
  const cond = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: s.clock.timestamp() };
  if (i >= 0) conds[i] = cond;
  else conds.push(cond);
  if (isDryRun(s)) return ok(S.success(), 201);
  next.metadata.resourceVersion = String(s.store.nextRevision());
  const r = s.store.txn([{ key: current.key, modRevision: current.modRevision }], [{ type: 'put', key: current.key, value: next }], causeOf(s, `bind to ${target}`));
  if (!r.succeeded) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
  return ok(S.success(), 201);
}

/** pods/eviction (pkg/registry/core/pod/storage/eviction.go): honours PodDisruptionBudgets. */
function evict(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  const pod = current.value;
  const body = (s.req.body ?? {}) as { deleteOptions?: Record<string, unknown> };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (!terminal && !pod.metadata.deletionTimestamp) {
    const labels = (pod.metadata.labels ?? {}) as Record<string, string>;
    const pdbs = s.ctx.list('poddisruptionbudgets.policy', pod.metadata.namespace).filter((pdb) => {
      const sel = (pdb.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector;
      if (!sel) return false;
      const ml = sel.matchLabels ?? {};
      return Object.keys(ml).length > 0 && Object.entries(ml).every(([k, v]) => labels[k] === v);
    });
    if (pdbs.length > 1) {
      return fail({ ...S.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'), code: 500 });
    }
    const pdb = pdbs[0];
    if (pdb) {
      const st = (pdb.status ?? {}) as { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; observedGeneration?: number };
      if ((st.disruptionsAllowed ?? 0) <= 0) {
        return fail({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'Cannot evict pod as it would violate the pod\'s disruption budget.',
          reason: 'TooManyRequests',
          details: {
            causes: [
              {
                reason: 'DisruptionBudget',
                message: `The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`,
              },
            ],
          },
          code: 429,
        });
      }
    }
  }
  const r = deleteOne(s, current, (body.deleteOptions ?? {}) as Parameters<typeof deleteOne>[2]);
  if (r.status >= 400) return r;
  return ok(S.success(), 201);
}

/**
 * namespaces/{name}/finalize (pkg/registry/core/namespace/storage FinalizeREST):
 * only spec.finalizers change; a terminating namespace with none left is gone.
 */
function finalizeNamespace(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  const checked = checkBody(s, s.req.body);
  if (S.isStatus(checked)) return fail(checked);
  const rv = checked.metadata?.resourceVersion;
  if (rv && rv !== String(current.modRevision)) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
  const finalizers = ((checked.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).slice();
  const next: KubeObject = { ...current.value, metadata: { ...current.value.metadata } };
  next.spec = { ...((next.spec as object | undefined) ?? {}), finalizers };
  if (!finalizers.length) delete (next.spec as { finalizers?: string[] }).finalizers;
  if (isDryRun(s)) return ok(next);
  if (next.metadata.deletionTimestamp && !finalizers.length && !next.metadata.finalizers?.length) {
    const r = s.store.txn([{ key: current.key, modRevision: current.modRevision }], [{ type: 'delete', key: current.key }], causeOf(s, 'finalize'));
    if (!r.succeeded) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
    return ok(next);
  }
  next.metadata.resourceVersion = String(s.store.nextRevision());
  const r = s.store.txn([{ key: current.key, modRevision: current.modRevision }], [{ type: 'put', key: current.key, value: next }], causeOf(s, 'finalize'));
  if (!r.succeeded) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
  return ok(next);
}
