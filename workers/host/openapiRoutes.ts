import type { ServerResponse } from 'node:http';
import type { Cluster } from '../cluster';
import { openapiV3GroupVersion, openapiV3Index, swaggerV2 } from '../api/openapi';
import { definitionsWithCustomResources } from '../api/crd';
import type { ResourceType } from '../api/kinds/types';
import * as S from '../api/status';
import { encodeOpenApiV2, negotiateOpenApiV2, OPENAPI_V2_PROTOBUF_CONTENT_TYPE } from '../api/openapi/protobuf';
import { sendJson } from './server';

/** The served resources as one stable array per registry version (the documents are cached by it). */
let snapshot: { version: number; registry: unknown; resources: ResourceType[] } | undefined;

function resourcesOf(cluster: Cluster): ResourceType[] {
  const registry = cluster.api.deps.registry;
  if (!snapshot || snapshot.registry !== registry || snapshot.version !== registry.version) {
    snapshot = { version: registry.version, registry, resources: registry.all() };
  }
  return snapshot.resources;
}

/** /openapi/v2, /openapi/v3 and /openapi/v3/{api/v1 | apis/g/v}. */
export function serveOpenApi(cluster: Cluster, path: string, accept: string | undefined, res: ServerResponse): void {
  const resources = resourcesOf(cluster);
  if (path === '/openapi/v2') {
    const format = negotiateOpenApiV2(accept);
    if (format === 'protobuf') {
      // kubectl asks for gnostic's protobuf form only.
      const bytes = encodeOpenApiV2(swaggerV2(resources, definitionsWithCustomResources(resources, 'v2')));
      res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_CONTENT_TYPE, 'Content-Length': String(bytes.length) });
      res.end(bytes);
      return;
    }
    if (format === undefined) {
      res.writeHead(406);
      res.end();
      return;
    }
    return sendJson(res, { status: 200, body: swaggerV2(resources, definitionsWithCustomResources(resources, 'v2')) });
  }
  if (path === '/openapi/v3') return sendJson(res, { status: 200, body: openapiV3Index(resources, definitionsWithCustomResources(resources, 'v3')) });
  const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (m) {
    const doc = m[1] ? openapiV3GroupVersion(resources, '', 'v1', definitionsWithCustomResources(resources, 'v3')) : openapiV3GroupVersion(resources, m[2], m[3], definitionsWithCustomResources(resources, 'v3'));
    if (doc) return sendJson(res, { status: 200, body: doc });
  }
  sendJson(res, { status: 404, body: S.pathNotFound() });
}
