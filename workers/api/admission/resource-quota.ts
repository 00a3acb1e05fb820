/**
 * ResourceQuota: mirrors plugin/pkg/admission/resourcequota/controller.go
 * CheckRequest (v1.32). For each quota in the namespace that covers the
 * object: enforce container constraints ("must specify limits.cpu"), then add
 * the object's usage to what is in use and refuse anything past `hard`.
 *
 * Usage is counted here from the current objects rather than read from
 * status.used, so admission is exact even while the quota controller has not
 * caught up; `hard` comes from spec (the controller mirrors it into status).
 */
import type { KubeObject } from '../object';
import { Quantity } from '../quantity/quantity';
import { admissionForbidden } from './forbidden';
import { asArray, asObject, asString, isObject } from './json';
import { evaluatorFor, type Evaluator, type ScopeRequirement } from './quota-evaluators';
import { addResourceList, mask, prettyPrint, resourceList, type ResourceList } from './resource-list';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

/** getScopeSelectorsFromQuota: plain scopes become `Exists` requirements. */
function quotaScopes(quota: KubeObject): ScopeRequirement[] {
  const spec = asObject(quota.spec);
  const out: ScopeRequirement[] = asArray(spec.scopes).map((s) => ({ scopeName: asString(s), operator: 'Exists', values: [] }));
  for (const e of asArray(asObject(spec.scopeSelector).matchExpressions).filter(isObject)) {
    out.push({ scopeName: asString(e.scopeName), operator: asString(e.operator), values: asArray(e.values).map(asString) });
  }
  return out;
}

/** What the quota controller would have in status.used for the resources this evaluator tracks. */
function observedUsage(req: AdmissionRequest, ev: Evaluator, tracked: string[], scopes: ScopeRequirement[]): ResourceList {
  const used: ResourceList = new Map(tracked.map((r) => [r, Quantity.zero()]));
  for (const o of req.ctx.list(ev.listKey, req.namespace)) {
    if (!ev.matchesScopes(scopes, o)) continue;
    addResourceList(used, mask(ev.usage(o, req.ctx.now), tracked));
  }
  return used;
}

/** quota.SubtractWithNonNegativeResult: the update's extra charge. */
function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, q] of a) {
    const prev = b.get(k);
    const d = prev ? q.sub(prev) : q;
    out.set(k, d.sign() < 0 ? Quantity.zero() : d);
  }
  return out;
}

function checkRequest(req: AdmissionRequest): AdmissionResult {
  const ev = evaluatorFor(req.resource, req.group);
  if (!ev.handles(req.operation)) return ADMIT;
  const obj = req.object!;
  const listed = req.ctx.list('resourcequotas', req.namespace);
  // checkAttributes: a namespace without quotas admits at once (no limited resources are configured).
  if (listed.length === 0) return ADMIT;
  const quotas = [...listed].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));

  const interesting: { quota: KubeObject; hard: ResourceList; tracked: string[]; scopes: ScopeRequirement[] }[] = [];
  for (const quota of quotas) {
    const hard = resourceList(asObject(quota.spec).hard);
    const scopes = quotaScopes(quota);
    const tracked = ev.matchingResources([...hard.keys()]);
    if (tracked.length === 0 || !ev.matchesScopes(scopes, obj)) continue;
    const problem = ev.constraints(tracked, obj);
    if (problem) return admissionForbidden(req, `failed quota: ${quota.metadata.name}: ${problem}`);
    interesting.push({ quota, hard, tracked, scopes });
  }

  let delta = ev.usage(obj, req.ctx.now);
  const negative = [...delta].filter(([, q]) => q.sign() < 0).map(([k]) => k);
  if (negative.length) return admissionForbidden(req, `quota usage is negative for resource(s): ${negative.sort().join(',')}`);
  if (req.operation === 'UPDATE' && req.oldObject?.metadata.resourceVersion) {
    delta = subtractNonNegative(delta, ev.usage(req.oldObject, req.ctx.now));
  }
  for (const [k, q] of delta) if (q.isZero()) delta.delete(k);
  if (delta.size === 0 || interesting.length === 0) return ADMIT;

  for (const { quota, hard, tracked, scopes } of interesting) {
    const requested = mask(delta, hard.keys());
    const used = observedUsage(req, ev, tracked, scopes);
    const exceeded: string[] = [];
    for (const [k, limit] of hard) {
      const want = requested.get(k);
      if (!want) continue;
      const total = (used.get(k) ?? Quantity.zero()).add(want);
      if (total.cmp(limit) > 0) exceeded.push(k);
    }
    if (exceeded.length) {
      return admissionForbidden(
        req,
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
      );
    }
  }
  return ADMIT;
}

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(req: AdmissionRequest): AdmissionResult {
    if (req.subresource || !req.namespace || !req.object) return ADMIT;
    if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return ADMIT;
    if (req.group === '' && req.resource === 'namespaces') return ADMIT;
    return checkRequest(req);
  },
};
