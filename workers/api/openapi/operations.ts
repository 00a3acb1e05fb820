/**
 * The REST operations a served resource exposes, in a form both the v2 and
 * v3 renderers share. Mirrors the routes installed by
 * staging/src/k8s.io/apiserver/pkg/endpoints/installer.go (operation ids,
 * `x-kubernetes-action`, query parameters per verb).
 */
import { ALL_VERBS, type ResourceType } from '../kinds/types';
import { definitionNameForGVK } from './definitions';
import type { Definitions, GVKExtension } from './types';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Action = 'list' | 'post' | 'get' | 'put' | 'patch' | 'delete' | 'deletecollection';

export interface ParamSpec {
  name: string;
  in: 'path' | 'query';
  type: 'string' | 'boolean' | 'integer';
  required?: boolean;
}

export interface Operation {
  path: string;
  method: Method;
  operationId: string;
  description: string;
  action: Action;
  gvk: GVKExtension;
  tag: string;
  query: ParamSpec[];
  /** Definition name of the request body, if any. */
  body?: string;
  /** Status code → definition name (undefined = no schema, e.g. log text). */
  responses: Record<string, string | undefined>;
  consumes: string[];
  produces: string[];
}

export interface PathEntry {
  path: string;
  pathParams: ParamSpec[];
  operations: Operation[];
}

export const PATCH_CONTENT_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];
const PRODUCES = ['application/json', 'application/yaml'];
const PRODUCES_LIST = ['application/json', 'application/yaml', 'application/json;stream=watch'];

const q = (name: string, type: ParamSpec['type'] = 'string'): ParamSpec => ({ name, in: 'query', type });
const WRITE = [q('dryRun'), q('fieldManager'), q('fieldValidation')];
const PATCH = [...WRITE, q('force', 'boolean')];
const LIST = [
  q('allowWatchBookmarks', 'boolean'), q('continue'), q('fieldSelector'), q('labelSelector'), q('limit', 'integer'),
  q('resourceVersion'), q('resourceVersionMatch'), q('sendInitialEvents', 'boolean'), q('timeoutSeconds', 'integer'), q('watch', 'boolean'),
];
const DELETE = [q('dryRun'), q('gracePeriodSeconds', 'integer'), q('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean'), q('orphanDependents', 'boolean'), q('propagationPolicy')];
const DELETE_COLLECTION = [
  q('continue'), q('dryRun'), q('fieldSelector'), q('gracePeriodSeconds', 'integer'), q('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean'),
  q('labelSelector'), q('limit', 'integer'), q('orphanDependents', 'boolean'), q('propagationPolicy'), q('resourceVersion'),
  q('resourceVersionMatch'), q('sendInitialEvents', 'boolean'), q('timeoutSeconds', 'integer'),
];
const NAME: ParamSpec = { name: 'name', in: 'path', type: 'string', required: true };
const NAMESPACE: ParamSpec = { name: 'namespace', in: 'path', type: 'string', required: true };
const PRETTY = q('pretty');

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const STATUS = `${META}.Status`;
const SCALE = 'io.k8s.api.autoscaling.v1.Scale';

/** `rbac.authorization.k8s.io` → `RbacAuthorization`; core → `Core`. */
export function groupId(group: string): string {
  if (!group) return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split('.')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

/** Key of a group-version in URLs and the v3 index: `api/v1`, `apis/apps/v1`. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function tagOf(group: string, version: string): string {
  const id = groupId(group);
  return `${id[0].toLowerCase()}${id.slice(1)}_${version}`;
}

/** Definition name serving a resource, derived from its kind's GVK extension. */
export function kindDefinition(defs: Definitions, rt: Pick<ResourceType, 'group' | 'version' | 'kind'>): string | undefined {
  return definitionNameForGVK(defs, { group: rt.group, version: rt.version, kind: rt.kind });
}

/** Subresources that carry the parent kind itself (get/replace/patch). */
const SAME_KIND_SUBRESOURCES = new Set(['status', 'ephemeralcontainers', 'resize', 'approval']);
/** Subresources that accept a create of another kind. */
const CREATE_SUBRESOURCES: Record<string, { def: string; gvk: GVKExtension }> = {
  binding: { def: 'io.k8s.api.core.v1.Binding', gvk: { group: '', kind: 'Binding', version: 'v1' } },
  eviction: { def: 'io.k8s.api.policy.v1.Eviction', gvk: { group: 'policy', kind: 'Eviction', version: 'v1' } },
  token: { def: 'io.k8s.api.authentication.v1.TokenRequest', gvk: { group: 'authentication.k8s.io', kind: 'TokenRequest', version: 'v1' } },
};

export function resourcePaths(defs: Definitions, rt: ResourceType, kindDef: string): PathEntry[] {
  const verbs = new Set(rt.verbs ?? ALL_VERBS);
  // Upstream serialises the extension as group, kind, version.
  const gvk: GVKExtension = { group: rt.group, kind: rt.kind, version: rt.version };
  const id = groupId(rt.group) + rt.version[0].toUpperCase() + rt.version.slice(1);
  const tag = tagOf(rt.group, rt.version);
  const ns = rt.namespaced ? 'Namespaced' : '';
  const base = `/${groupVersionPath(rt.group, rt.version)}${rt.namespaced ? '/namespaces/{namespace}' : ''}/${rt.plural}`;
  const scope = rt.namespaced ? [NAMESPACE] : [];
  const listDef = `${kindDef}List` in defs ? `${kindDef}List` : undefined;
  const op = (o: Omit<Operation, 'tag' | 'produces' | 'consumes'> & Partial<Pick<Operation, 'produces' | 'consumes'>>): Operation => ({
    consumes: ['*/*'],
    produces: PRODUCES,
    tag,
    ...o,
  });

  const collection: Operation[] = [];
  if (verbs.has('list')) {
    collection.push(op({ path: base, method: 'get', operationId: `list${id}${ns}${rt.kind}`, description: `list or watch objects of kind ${rt.kind}`, action: 'list', gvk, query: LIST, responses: { '200': listDef, '401': undefined }, produces: PRODUCES_LIST }));
  }
  if (verbs.has('create')) {
    collection.push(op({ path: base, method: 'post', operationId: `create${id}${ns}${rt.kind}`, description: `create ${article(rt.kind)} ${rt.kind}`, action: 'post', gvk, query: WRITE, body: kindDef, responses: { '200': kindDef, '201': kindDef, '202': kindDef, '401': undefined } }));
  }
  if (verbs.has('deletecollection')) {
    collection.push(op({ path: base, method: 'delete', operationId: `delete${id}Collection${ns}${rt.kind}`, description: `delete collection of ${rt.kind}`, action: 'deletecollection', gvk, query: DELETE_COLLECTION, body: `${META}.DeleteOptions`, responses: { '200': STATUS, '401': undefined } }));
  }

  const itemPath = `${base}/{name}`;
  const item: Operation[] = [];
  if (verbs.has('get')) item.push(op({ path: itemPath, method: 'get', operationId: `read${id}${ns}${rt.kind}`, description: `read the specified ${rt.kind}`, action: 'get', gvk, query: [], responses: { '200': kindDef, '401': undefined } }));
  if (verbs.has('update')) item.push(op({ path: itemPath, method: 'put', operationId: `replace${id}${ns}${rt.kind}`, description: `replace the specified ${rt.kind}`, action: 'put', gvk, query: WRITE, body: kindDef, responses: { '200': kindDef, '201': kindDef, '401': undefined } }));
  if (verbs.has('patch')) item.push(op({ path: itemPath, method: 'patch', operationId: `patch${id}${ns}${rt.kind}`, description: `partially update the specified ${rt.kind}`, action: 'patch', gvk, query: PATCH, body: `${META}.Patch`, responses: { '200': kindDef, '201': kindDef, '401': undefined }, consumes: PATCH_CONTENT_TYPES }));
  if (verbs.has('delete')) item.push(op({ path: itemPath, method: 'delete', operationId: `delete${id}${ns}${rt.kind}`, description: `delete ${article(rt.kind)} ${rt.kind}`, action: 'delete', gvk, query: DELETE, body: `${META}.DeleteOptions`, responses: { '200': STATUS, '202': STATUS, '401': undefined } }));

  const entries: PathEntry[] = [];
  if (collection.length) entries.push({ path: base, pathParams: [...scope, PRETTY], operations: collection });
  if (item.length) entries.push({ path: itemPath, pathParams: [NAME, ...scope, PRETTY], operations: item });
  if (rt.namespaced && verbs.has('list')) {
    const all = `/${groupVersionPath(rt.group, rt.version)}/${rt.plural}`;
    entries.push({ path: all, pathParams: [PRETTY], operations: [op({ path: all, method: 'get', operationId: `list${id}${rt.kind}ForAllNamespaces`, description: `list or watch objects of kind ${rt.kind}`, action: 'list', gvk, query: LIST, responses: { '200': listDef, '401': undefined }, produces: PRODUCES_LIST })] });
  }

  for (const sub of rt.subresources ?? []) {
    const path = `${itemPath}/${sub}`;
    const Sub = sub[0].toUpperCase() + sub.slice(1);
    const params = [NAME, ...scope, PRETTY];
    if (SAME_KIND_SUBRESOURCES.has(sub) || sub === 'scale') {
      const def = sub === 'scale' ? SCALE : kindDef;
      const subGvk = sub === 'scale' ? { group: 'autoscaling', kind: 'Scale', version: 'v1' } : gvk;
      entries.push({
        path,
        pathParams: params,
        operations: [
          op({ path, method: 'get', operationId: `read${id}${ns}${rt.kind}${Sub}`, description: `read ${sub} of the specified ${rt.kind}`, action: 'get', gvk: subGvk, query: [], responses: { '200': def, '401': undefined } }),
          op({ path, method: 'put', operationId: `replace${id}${ns}${rt.kind}${Sub}`, description: `replace ${sub} of the specified ${rt.kind}`, action: 'put', gvk: subGvk, query: WRITE, body: def, responses: { '200': def, '201': def, '401': undefined } }),
          op({ path, method: 'patch', operationId: `patch${id}${ns}${rt.kind}${Sub}`, description: `partially update ${sub} of the specified ${rt.kind}`, action: 'patch', gvk: subGvk, query: PATCH, body: `${META}.Patch`, responses: { '200': def, '201': def, '401': undefined }, consumes: PATCH_CONTENT_TYPES }),
        ],
      });
    } else if (sub in CREATE_SUBRESOURCES) {
      const { def, gvk: subGvk } = CREATE_SUBRESOURCES[sub];
      entries.push({ path, pathParams: params, operations: [op({ path, method: 'post', operationId: `create${id}${ns}${rt.kind}${Sub}`, description: `create ${sub} of ${article(rt.kind)} ${rt.kind}`, action: 'post', gvk: subGvk, query: WRITE, body: def, responses: { '200': def, '201': def, '202': def, '401': undefined } })] });
    } else if (sub === 'log') {
      entries.push({ path, pathParams: params, operations: [op({ path, method: 'get', operationId: `read${id}${ns}${rt.kind}Log`, description: `read log of the specified ${rt.kind}`, action: 'get', gvk, query: [q('container'), q('follow', 'boolean'), q('previous', 'boolean'), q('sinceSeconds', 'integer'), q('tailLines', 'integer'), q('timestamps', 'boolean')], responses: { '200': undefined, '401': undefined }, produces: ['text/plain', 'application/json', 'application/yaml'] })] });
    }
  }
  return entries;
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? 'an' : 'a';
}
