/**
 * Requests for paths that are not resources (`/api`, `/apis`, `/version`,
 * `/openapi/v3/...`): kubectl needs them for discovery, `version` and
 * `explain`. They travel through `KubectlClient.request` as an ApiRequest
 * with an empty resource and the path in `query.path`.
 */
import type { ApiRequest } from '../api/request';

export function nonResourceRequest(path: string, accept?: string): ApiRequest {
  const req: ApiRequest = { verb: 'get', group: '', version: '', resource: '', query: { path } };
  if (accept) req.accept = accept;
  return req;
}

/** The path a non-resource request asks for, or undefined for a resource request. */
export function nonResourcePath(req: ApiRequest): string | undefined {
  return req.resource === '' && req.verb === 'get' ? req.query?.path : undefined;
}

/** What kubectl 1.32 sends to GET /api and /apis: aggregated discovery first. */
export const AGGREGATED_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
