/**
 * Bounding a recommendation (pkg/utils/vpa/capping.go) and keeping limits
 * in proportion to requests (limit_and_request_scaling.go).
 * LimitRange capping is not modelled.
 */
import { amountOf, quantityOf } from './quantities';
import { containerPolicy, controlledValues, type ContainerResourcePolicy, type RecommendedContainerResources, type ResourceMap, type Vpa } from './types';

/** applyVPAPolicy: each resource raised to minAllowed, then lowered to maxAllowed; returns the capping notes. */
export function applyPolicy(rec: ResourceMap, policy: ContainerResourcePolicy | undefined): string[] {
  if (!policy) return [];
  const notes: string[] = [];
  for (const res of Object.keys(rec)) {
    let v = amountOf(res, rec[res]);
    const min = policy.minAllowed?.[res];
    if (min !== undefined && v < amountOf(res, min)) {
      rec[res] = min;
      v = amountOf(res, min);
      notes.push(`${res} capped to minAllowed`);
    }
    const max = policy.maxAllowed?.[res];
    if (max !== undefined && v > amountOf(res, max)) {
      rec[res] = max;
      notes.push(`${res} capped to maxAllowed`);
    }
  }
  return notes;
}

/** The recommender's post-processing: target, bounds capped to the policy; uncappedTarget keeps the raw target. */
export function capToPolicy(vpa: Vpa, rec: RecommendedContainerResources): RecommendedContainerResources {
  const policy = containerPolicy(vpa, rec.containerName);
  const out: RecommendedContainerResources = {
    containerName: rec.containerName,
    target: { ...rec.target },
    ...(rec.lowerBound ? { lowerBound: { ...rec.lowerBound } } : {}),
    ...(rec.upperBound ? { upperBound: { ...rec.upperBound } } : {}),
    uncappedTarget: { ...(rec.uncappedTarget ?? rec.target) },
  };
  applyPolicy(out.target, policy);
  if (out.lowerBound) applyPolicy(out.lowerBound, policy);
  if (out.upperBound) applyPolicy(out.upperBound, policy);
  return out;
}

/**
 * getCappedRecommendationForContainer, as the admission controller and the
 * updater apply it to one pod: policy caps, and with RequestsOnly no request
 * above the container's limit.
 */
export function capForPod(vpa: Vpa, rec: RecommendedContainerResources, limits: ResourceMap | undefined): { rec: RecommendedContainerResources; notes: string[] } {
  const policy = containerPolicy(vpa, rec.containerName);
  const requestsOnly = controlledValues(vpa, rec.containerName) === 'RequestsOnly';
  const out: RecommendedContainerResources = { ...rec, target: { ...rec.target } };
  if (rec.lowerBound) out.lowerBound = { ...rec.lowerBound };
  if (rec.upperBound) out.upperBound = { ...rec.upperBound };
  const notes: string[] = [];
  const process = (r: ResourceMap | undefined, annotate: boolean) => {
    if (!r) return;
    const n = applyPolicy(r, policy);
    if (requestsOnly && limits) {
      for (const [res, limit] of Object.entries(limits)) {
        if (r[res] !== undefined && amountOf(res, r[res]) > amountOf(res, limit)) {
          r[res] = limit;
          n.push(`${res} capped to container limit`);
        }
      }
    }
    if (annotate) notes.push(...n);
  };
  process(out.target, true);
  process(out.lowerBound, false);
  process(out.upperBound, false);
  return { rec: out, notes };
}

/**
 * getProportionalResourceLimit: the limit that keeps the original
 * limit:request ratio at the new request; undefined when there was no limit
 * (or nothing to scale).
 */
export function proportionalLimit(resource: string, originalLimit: unknown, originalRequest: unknown, newRequest: string): string | undefined {
  if (originalLimit === undefined || amountOf(resource, originalLimit) === 0) return undefined;
  const rec = amountOf(resource, newRequest);
  if (rec === 0) return undefined;
  if (originalRequest === undefined || amountOf(resource, originalRequest) === 0) return newRequest;
  const req = amountOf(resource, originalRequest);
  const lim = amountOf(resource, originalLimit);
  if (req === lim) return newRequest;
  // Integer arithmetic on millicores / bytes, truncated, as big.Int DivMod does for positives.
  const scaled = (BigInt(lim) * BigInt(rec)) / BigInt(req);
  return quantityOf(resource, Number(scaled));
}
