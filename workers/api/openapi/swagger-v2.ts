/**
 * `/openapi/v2`: one swagger 2.0 document for every served resource, as
 * kube-apiserver serves it (kubectl reads it for explain, validation and the
 * fieldValidation support check in pkg/cmd/util/queryparams.go).
 */
import type { ResourceType } from '../kinds/types';
import { loadedDefinitions, parameterDescription } from './definitions';
import { kindDefinition, resourcePaths, type Operation, type ParamSpec } from './operations';
import { DEFINITION_REF_PREFIX, refName, type Definitions, type Schema } from './types';

const cache = new WeakMap<readonly ResourceType[], WeakMap<Definitions, object>>();

function param(p: ParamSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { uniqueItems: true, type: p.type, name: p.name, in: p.in };
  const description = parameterDescription(p.name) ?? (p.name === 'name' ? `name of the resource` : p.name === 'namespace' ? 'object name and auth scope, such as for teams and projects' : undefined);
  if (description) out.description = description;
  if (p.required) out.required = true;
  return out;
}

function operation(op: Operation): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  if (op.body) parameters.push({ name: 'body', in: 'body', required: op.method !== 'delete', schema: { $ref: DEFINITION_REF_PREFIX + op.body } });
  parameters.push(...op.query.map(param));
  const responses: Record<string, unknown> = {};
  for (const [code, def] of Object.entries(op.responses)) {
    const description = code === '401' ? 'Unauthorized' : code === '201' ? 'Created' : code === '202' ? 'Accepted' : 'OK';
    responses[code] = def ? { description, schema: { $ref: DEFINITION_REF_PREFIX + def } } : code === '401' ? { description } : { description, schema: { type: 'string' } };
  }
  return {
    description: op.description,
    consumes: op.consumes,
    produces: op.produces,
    schemes: ['https'],
    tags: [op.tag],
    operationId: op.operationId,
    ...(parameters.length ? { parameters } : {}),
    responses,
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': op.gvk,
  };
}

/** Names reachable from `roots` through `$ref`s. */
export function reachableDefinitions(defs: Definitions, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  const visit = (s: Schema | undefined): void => {
    if (!s) return;
    if (s.$ref) stack.push(refName(s.$ref));
    if (s.items) visit(s.items);
    if (s.additionalProperties) visit(s.additionalProperties);
    if (s.properties) for (const p of Object.values(s.properties)) visit(p);
  };
  while (stack.length) {
    const name = stack.pop() as string;
    if (seen.has(name) || !defs[name]) continue;
    seen.add(name);
    visit(defs[name]);
  }
  return seen;
}

const ALWAYS = ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions', 'io.k8s.apimachinery.pkg.version.Info'];

export function swaggerV2(resources: readonly ResourceType[], defs: Definitions = loadedDefinitions()): object {
  let byDefs = cache.get(resources);
  const hit = byDefs?.get(defs);
  if (hit) return hit;

  const paths: Record<string, Record<string, unknown>> = {};
  const roots = new Set(ALWAYS);
  for (const rt of resources) {
    const kindDef = kindDefinition(defs, rt);
    if (!kindDef) continue; // custom resources carry their own schema
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
  const definitions: Definitions = {};
  for (const name of [...reachableDefinitions(defs, roots)].sort()) definitions[name] = defs[name];
  const doc = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
    definitions,
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
  if (!byDefs) cache.set(resources, (byDefs = new WeakMap()));
  byDefs.set(defs, doc);
  return doc;
}
