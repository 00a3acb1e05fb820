/**
 * Quota evaluators: how much of which quota resource one object consumes.
 * Mirrors pkg/quota/v1/evaluator/core (pods.go, services.go,
 * persistent_volume_claims.go) and generic/evaluator.go (object counts) in v1.32.
 */
import type { KubeObject } from '../object';
import { newQuantity } from '../quantity/quantity';
import { newRequirement, Selector } from '../selectors/labels';
import { isQualifiedName } from '../selectors/label-validation';
import { asArray, asObject, asString, containersOf, isObject, type JsonObject } from './json';
import { addResourceList, podLimits, podRequests, resourceList, type ResourceList } from './resource-list';
import type { AdmissionOperation } from './types';

/** A quota scope as a selector requirement: `scopes` entries become `Exists`. */
export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values: string[];
}

export interface Evaluator {
  /** Key for StrategyContext.list: `pods`, `deployments.apps`. */
  listKey: string;
  handles(op: AdmissionOperation): boolean;
  /** The subset of `names` this evaluator accounts for. */
  matchingResources(names: readonly string[]): string[];
  /** Whether `obj` falls under every scope (no scopes: always). */
  matchesScopes(scopes: readonly ScopeRequirement[], obj: KubeObject): boolean;
  /** Problems that make the object unacceptable under a quota tracking `required`. */
  constraints(required: readonly string[], obj: KubeObject): string | undefined;
  usage(obj: KubeObject, now: number): ResourceList;
}

const one = () => newQuantity(1);
const zero = () => newQuantity(0);

const noScopes = (scopes: readonly ScopeRequirement[]) => scopes.length === 0;

function objectCountName(resource: string, group: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

/** Older quota names for object counts (pkg/quota/v1/evaluator/core/registry.go). */
const LEGACY_COUNT_NAMES: Record<string, string> = {
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

/** generic.NewObjectCountEvaluator: one of each object, charged on create only. */
export function objectCountEvaluator(resource: string, group: string): Evaluator {
  const names = [objectCountName(resource, group)];
  const legacy = group === '' ? LEGACY_COUNT_NAMES[resource] : undefined;
  if (legacy) names.push(legacy);
  return {
    listKey: group ? `${resource}.${group}` : resource,
    handles: (op) => op === 'CREATE',
    matchingResources: (input) => input.filter((n) => names.includes(n)),
    matchesScopes: noScopes,
    constraints: () => undefined,
    usage: () => new Map(names.map((n) => [n, one()])),
  };
}

// ---- pods ----

const POD_RESOURCES = new Set([
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);
/** Resources whose use each container must declare when a quota tracks them. */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** helper.IsExtendedResourceName: a domain-qualified name outside kubernetes.io. */
function isExtendedResourceName(name: string): boolean {
  if (!name.includes('/') || name.includes('kubernetes.io/') || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

function podMatchingResources(input: readonly string[]): string[] {
  return input.filter(
    (n) =>
      POD_RESOURCES.has(n) ||
      n.startsWith('hugepages-') ||
      n.startsWith('requests.hugepages-') || (n.startsWith('requests.') && isExtendedResourceName(n.slice('requests.'.length))),
  );
}

/** podComputeUsageHelper: requests and limits as quota resource names. */
function podComputeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const result: ResourceList = new Map([['pods', one()]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) {
      result.set(r, req);
      result.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) result.set(`limits.${r}`, lim);
  }
  for (const [name, q] of requests) {
    if (name.startsWith('hugepages-')) {
      result.set(name, q);
      result.set(`requests.${name}`, q);
    }
    if (isExtendedResourceName(name)) result.set(`requests.${name}`, q);
  }
  return result;
}

/** QuotaV1Pod: terminal pods, and pods past their deletion grace period, are not charged. */
export function quotaChargesPod(pod: KubeObject, now: number): boolean {
  const meta = pod.metadata;
  if (meta.deletionTimestamp && typeof meta.deletionGracePeriodSeconds === 'number') {
    const deadline = Date.parse(meta.deletionTimestamp) + meta.deletionGracePeriodSeconds * 1000;
    if (now > deadline) return false;
  }
  const phase = asString(asObject(pod.status).phase);
  return phase !== 'Failed' && phase !== 'Succeeded';
}

function isTerminating(spec: JsonObject): boolean {
  return typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
}

/** qos.GetPodQOS(pod) == BestEffort: no container asks for or caps cpu/memory. */
function isBestEffort(spec: JsonObject): boolean {
  for (const key of ['initContainers', 'containers'] as const) {
    for (const c of containersOf(spec, key)) {
      const res = asObject(c.resources);
      for (const list of [resourceList(res.requests), resourceList(res.limits)]) {
        for (const r of ['cpu', 'memory']) {
          const q = list.get(r);
          if (q && q.sign() > 0) return false;
        }
      }
    }
  }
  return true;
}

function usesCrossNamespacePodAffinity(spec: JsonObject): boolean {
  const affinity = asObject(spec.affinity);
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = asObject(affinity[kind]);
    const terms = [
      ...asArray(a.requiredDuringSchedulingIgnoredDuringExecution),
      ...asArray(a.preferredDuringSchedulingIgnoredDuringExecution).map((w) => asObject(w).podAffinityTerm),
    ];
    for (const t of terms) {
      const term = asObject(t);
      if (asArray(term.namespaces).length > 0 || isObject(term.namespaceSelector)) return true;
    }
  }
  return false;
}

const SCOPE_OPERATORS: Record<string, string> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

function podMatchesScope(scope: ScopeRequirement, pod: KubeObject): boolean {
  const spec = asObject(pod.spec);
  switch (scope.scopeName) {
    case 'Terminating':
      return isTerminating(spec);
    case 'NotTerminating':
      return !isTerminating(spec);
    case 'BestEffort':
      return isBestEffort(spec);
    case 'NotBestEffort':
      return !isBestEffort(spec);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(spec);
    case 'PriorityClass': {
      const className = asString(spec.priorityClassName);
      if (scope.operator === 'Exists') return className !== '';
      const op = SCOPE_OPERATORS[scope.operator];
      const r = op ? newRequirement('PriorityClass', op, scope.values) : undefined;
      if (!r || !r.ok) return false;
      return Selector.of([r.requirement]).matches(className ? { PriorityClass: className } : {});
    }
    default:
      return false;
  }
}

export const podEvaluator: Evaluator = {
  listKey: 'pods',
  // v1.32: pods are charged on create (in-place resize, which would add update, is alpha).
  handles: (op) => op === 'CREATE',
  matchingResources: podMatchingResources,
  matchesScopes: (scopes, pod) => scopes.every((s) => podMatchesScope(s, pod)),
  constraints(required, pod) {
    const requiredSet = required.filter((r) => VALIDATION_SET.has(r));
    if (requiredSet.length === 0) return undefined;
    const missing = new Map<string, Set<string>>();
    const spec = asObject(pod.spec);
    for (const key of ['containers', 'initContainers'] as const) {
      for (const c of containersOf(spec, key)) {
        const res = asObject(c.resources);
        const have = podComputeUsage(resourceList(res.requests), resourceList(res.limits));
        for (const r of requiredSet) {
          if (!have.has(r)) {
            if (!missing.has(r)) missing.set(r, new Set());
            missing.get(r)!.add(asString(c.name));
          }
        }
      }
    }
    if (missing.size === 0) return undefined;
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
    return `must specify ${parts.join('; ')}`;
  },
  usage(pod, now) {
    // count/pods follows every stored pod; compute usage only live ones.
    const result: ResourceList = new Map([['count/pods', one()]]);
    if (!quotaChargesPod(pod, now)) return result;
    addResourceList(result, podComputeUsage(podRequests(pod, { overhead: true }), podLimits(pod, { overhead: true })));
    return result;
  },
};

// ---- services ----

const SERVICE_RESOURCES = ['count/services', 'services', 'services.loadbalancers', 'services.nodeports'];

export const serviceEvaluator: Evaluator = {
  listKey: 'services',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (input) => input.filter((n) => SERVICE_RESOURCES.includes(n)),
  matchesScopes: noScopes,
  constraints: () => undefined,
  usage(svc) {
    const spec = asObject(svc.spec);
    const ports = asArray(spec.ports).length;
    const result: ResourceList = new Map([
      ['count/services', one()],
      ['services', one()],
      ['services.loadbalancers', zero()],
      ['services.nodeports', zero()],
    ]);
    if (spec.type === 'NodePort') result.set('services.nodeports', newQuantity(ports));
    if (spec.type === 'LoadBalancer') {
      if (spec.allocateLoadBalancerNodePorts !== false) result.set('services.nodeports', newQuantity(ports));
      result.set('services.loadbalancers', one());
    }
    return result;
  },
};

// ---- persistent volume claims ----

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';
const PVC_RESOURCES = ['count/persistentvolumeclaims', 'persistentvolumeclaims', 'requests.storage'];

function pvcClass(pvc: KubeObject): string {
  const beta = pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return asString(asObject(pvc.spec).storageClassName);
}

export const pvcEvaluator: Evaluator = {
  listKey: 'persistentvolumeclaims',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  matchingResources: (input) =>
    input.filter(
      (n) =>
        PVC_RESOURCES.includes(n) ||
        (n.includes(STORAGE_CLASS_SUFFIX) && (n.endsWith('/persistentvolumeclaims') || n.endsWith('/requests.storage'))),
    ),
  matchesScopes: noScopes,
  constraints: () => undefined,
  usage(pvc) {
    const result: ResourceList = new Map([
      ['count/persistentvolumeclaims', one()],
      ['persistentvolumeclaims', one()],
    ]);
    const cls = pvcClass(pvc);
    if (cls) result.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, one());
    const requested = resourceList(asObject(asObject(pvc.spec).resources).requests).get('storage');
    const allocated = resourceList(asObject(pvc.status).allocatedResources).get('storage');
    // A failed expansion is still charged at the larger of the two.
    const storage = requested && allocated ? (allocated.cmp(requested) > 0 ? allocated : requested) : (requested ?? allocated);
    if (storage) {
      result.set('requests.storage', storage);
      if (cls) result.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
    return result;
  },
};

/** Object-count evaluators by `resource.group`: every create asks for one, and they hold no state. */
const countEvaluators = new Map<string, Evaluator>();

export function evaluatorFor(resource: string, group: string): Evaluator {
  if (group === '') {
    if (resource === 'pods') return podEvaluator;
    if (resource === 'services') return serviceEvaluator;
    if (resource === 'persistentvolumeclaims') return pvcEvaluator;
  }
  const id = `${resource}.${group}`;
  let ev = countEvaluators.get(id);
  if (!ev) countEvaluators.set(id, (ev = objectCountEvaluator(resource, group)));
  return ev;
}
