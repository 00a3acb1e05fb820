/**
 * A KubectlClient over a cluster in the same thread (the worker, tests): API
 * requests go to the API server as the host would send them, non-resource
 * paths are answered like the host's discovery, OpenAPI and /version routes.
 */
import type { Cluster } from '../cluster';
import type { ApiRequest, ApiResponse } from '../api/request';
import { aggregatedDiscovery, AGGREGATED_DISCOVERY_CONTENT_TYPE } from '../api/discovery';
import { openapiV3GroupVersion, openapiV3Index } from '../api/openapi';
import { definitionsWithCustomResources } from '../api/crd';
import { pathNotFound } from '../api/status';
import type { KubectlClient } from './client';
import { nonResourcePath } from './nonResource';
import { SERVER_VERSION } from '../api/version';

/** Answers a non-resource path from the cluster, or undefined when it is not one we serve. */
export function serveNonResource(cluster: Cluster, path: string): ApiResponse {
  const registry = cluster.api.deps.registry;
  if (path === '/version') return { status: 200, body: SERVER_VERSION };
  if (path === '/api' || path === '/apis') return { status: 200, body: aggregatedDiscovery(registry, path === '/api'), contentType: AGGREGATED_DISCOVERY_CONTENT_TYPE };
  const resources = registry.all();
  if (path === '/openapi/v3') return { status: 200, body: openapiV3Index(resources, definitionsWithCustomResources(resources, 'v3')) };
  const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (m) {
    const defs = definitionsWithCustomResources(resources, 'v3');
    const doc = m[1] ? openapiV3GroupVersion(resources, '', 'v1', defs) : openapiV3GroupVersion(resources, m[2], m[3], defs);
    if (doc) return { status: 200, body: doc };
  }
  return { status: 404, body: pathNotFound() };
}

export function clusterKubectlClient(cluster: Cluster): KubectlClient {
  return {
    async request(req: ApiRequest) {
      const path = nonResourcePath(req);
      if (path !== undefined) return serveNonResource(cluster, path);
      cluster.settle();
      return cluster.request({ userAgent: 'kubectl/v1.32.0 (linux/amd64) kubernetes/kube-playground', ...req });
    },
    async watch(req, onEvent) {
      cluster.settle();
      return cluster.watch({ userAgent: 'kubectl/v1.32.0 (linux/amd64) kubernetes/kube-playground', ...req, verb: 'watch' }, onEvent);
    },
    now: () => cluster.clock.now(),
  };
}
