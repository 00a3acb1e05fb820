import type { ServerResponse } from 'node:http';
import type { Cluster } from '../cluster';
import {
  AGGREGATED_DISCOVERY_CONTENT_TYPE,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  wantsAggregated,
} from '../api/discovery';
import { sendJson } from './server';

/** Serve /api, /apis, /api/v1, /apis/{g}, /apis/{g}/{v}. Returns false for unknown paths. */
export function serveDiscovery(cluster: Cluster, path: string, accept: string | undefined, serverAddress: string, res: ServerResponse): boolean {
  const registry = cluster.api.deps.registry;
  const parts = path.split('/').filter(Boolean);
  const aggregated = wantsAggregated(accept);
  if (path === '/api') {
    if (aggregated) sendJson(res, { status: 200, body: aggregatedDiscovery(registry, true), contentType: AGGREGATED_DISCOVERY_CONTENT_TYPE });
    else sendJson(res, { status: 200, body: apiVersions(serverAddress) });
    return true;
  }
  if (path === '/apis') {
    if (aggregated) sendJson(res, { status: 200, body: aggregatedDiscovery(registry, false), contentType: AGGREGATED_DISCOVERY_CONTENT_TYPE });
    else sendJson(res, { status: 200, body: apiGroupList(registry) });
    return true;
  }
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList(registry, '', parts[1]);
    if (!list) return false;
    sendJson(res, { status: 200, body: list });
    return true;
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const g = apiGroup(registry, parts[1]);
    if (!g) return false;
    sendJson(res, { status: 200, body: g });
    return true;
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(registry, parts[1], parts[2]);
    if (!list) return false;
    sendJson(res, { status: 200, body: list });
    return true;
  }
  return false;
}
