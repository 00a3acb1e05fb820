/**
 * `/openapi/v3` index and one OpenAPI 3.0 document per group-version, shaped
 * as kube-apiserver serves them (kubectl 1.32 `explain` and its
 * fieldValidation check read these). Schemas are converted from the v2
 * definitions the way kube-openapi's v3 builder does: refs point into
 * components, a ref with siblings becomes `allOf: [{$ref}]`, and
 * IntOrString/Quantity declare their `oneOf` types.
 */
import type { ResourceType } from '../kinds/types';
import { loadedDefinitions, parameterDescription } from './definitions';
import { contentHash } from './hash';
import { groupVersionPath, kindDefinition, resourcePaths, type Operation, type ParamSpec } from './operations';
import { reachableDefinitions } from './swagger-v2';
import { refName, type Definitions, type Schema } from './types';

const COMPONENT_REF = '#/components/schemas/';
const ONE_OF: Record<string, object[]> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': [{ type: 'integer' }, { type: 'string' }],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': [{ type: 'string' }, { type: 'number' }],
};
const ALWAYS = ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList'];

export function toV3Schema(s: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref') continue;
    if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as Record<string, Schema>).map(([n, p]) => [n, toV3Schema(p)]));
    else if (k === 'items' || k === 'additionalProperties') out[k] = toV3Schema(v as Schema);
    else out[k] = v;
  }
  if (s.$ref) {
    const ref = { $ref: COMPONENT_REF + refName(s.$ref) };
    if (Object.keys(out).length === 0) return ref;
    return { allOf: [ref], ...out };
  }
  return out;
}

function definitionToV3(name: string, s: Schema): Record<string, unknown> {
  const out = toV3Schema(s);
  const oneOf = ONE_OF[name];
  if (oneOf) {
    delete out.type;
    out.oneOf = oneOf;
  }
  return out;
}

function param(p: ParamSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { name: p.name, in: p.in };
  const description = parameterDescription(p.name) ?? (p.name === 'name' ? 'name of the resource' : p.name === 'namespace' ? 'object name and auth scope, such as for teams and projects' : undefined);
  if (description) out.description = description;
  if (p.required) out.required = true;
  out.schema = { type: p.type, uniqueItems: true };
  return out;
}

function operation(op: Operation): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [code, def] of Object.entries(op.responses)) {
    const description = code === '401' ? 'Unauthorized' : code === '201' ? 'Created' : code === '202' ? 'Accepted' : 'OK';
    if (!def) {
      responses[code] = code === '401' ? { description } : { description, content: Object.fromEntries(op.produces.map((t) => [t, { schema: { type: 'string' } }])) };
      continue;
    }
    const schema = { $ref: COMPONENT_REF + def };
    responses[code] = { description, content: Object.fromEntries(op.produces.map((t) => [t, { schema }])) };
  }
  const out: Record<string, unknown> = { tags: [op.tag], description: op.description, operationId: op.operationId };
  if (op.query.length) out.parameters = op.query.map(param);
  if (op.body) {
    const schema = { $ref: COMPONENT_REF + op.body };
    out.requestBody = { content: Object.fromEntries(op.consumes.map((t) => [t, { schema }])), required: op.method !== 'delete' };
  }
  out.responses = responses;
  out['x-kubernetes-action'] = op.action;
  out['x-kubernetes-group-version-kind'] = op.gvk;
  return out;
}

function servedGroupVersions(resources: readonly ResourceType[]): string[] {
  return [...new Set(resources.map((r) => groupVersionPath(r.group, r.version)))].sort();
}

const docCache = new WeakMap<readonly ResourceType[], Map<string, { doc: object; hash: string } | null>>();

function cached(resources: readonly ResourceType[], defs: Definitions, group: string, version: string): { doc: object; hash: string } | null {
  let byGV = docCache.get(resources);
  if (!byGV) docCache.set(resources, (byGV = new Map()));
  const key = groupVersionPath(group, version);
  let hit = byGV.get(key);
  if (hit === undefined) {
    const doc = build(resources, defs, group, version);
    hit = doc ? { doc, hash: contentHash(JSON.stringify(doc)) } : null;
    byGV.set(key, hit);
  }
  return hit;
}

function build(resources: readonly ResourceType[], defs: Definitions, group: string, version: string): object | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version);
  if (!served.length) return undefined;
  const paths: Record<string, Record<string, unknown>> = {};
  const roots = new Set(ALWAYS);
  for (const rt of served) {
    const kindDef = kindDefinition(defs, rt);
    if (!kindDef) continue;
    roots.add(kindDef);
    for (const entry of resourcePaths(defs, rt, kindDef)) {
      const item: Record<string, unknown> = {};
      for (const op of entry.operations) {
        item[op.method] = operation(op);
        if (op.body) roots.add(op.body);
        for (const d of Object.values(op.responses)) if (d) roots.add(d);
      }
      item.parameters = entry.pathParams.map(param);
      paths[entry.path] = item;
    }
  }
  const schemas: Record<string, unknown> = {};
  for (const name of [...reachableDefinitions(defs, roots)].sort()) schemas[name] = definitionToV3(name, defs[name]);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
  };
}

/** `/openapi/v3`: where each group-version's document lives, with a content hash. */
export function openapiV3Index(resources: readonly ResourceType[], defs: Definitions = loadedDefinitions()): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of servedGroupVersions(resources)) {
    const parts = gv.split('/');
    const hit = cached(resources, defs, parts.length === 3 ? parts[1] : '', parts[parts.length - 1]);
    if (hit) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hit.hash}` };
  }
  return { paths };
}

/** `/openapi/v3/apis/<group>/<version>` (core: group ''); undefined when not served. */
export function openapiV3GroupVersion(resources: readonly ResourceType[], group: string, version: string, defs: Definitions = loadedDefinitions()): object | undefined {
  return cached(resources, defs, group, version)?.doc;
}

/** The hash the index advertises for a group-version (for ETag / immutable caching). */
export function openapiV3Hash(resources: readonly ResourceType[], group: string, version: string, defs: Definitions = loadedDefinitions()): string | undefined {
  return cached(resources, defs, group, version)?.hash;
}
