/**
 * OpenAPI definitions for custom resources, shaped like the ones
 * apiextensions-apiserver publishes (pkg/controller/openapi/builder/builder.go):
 * `com.example.stable.v1.Shirt` is the version's schema with apiVersion,
 * kind and an ObjectMeta `metadata`, `…ShirtList` the list, both tagged with
 * x-kubernetes-group-version-kind. The documents in workers/api/openapi are
 * built from a definitions object; handing them `definitionsWithCustomResources`
 * makes `/openapi/v2` and `/openapi/v3/apis/<group>/<version>` cover the
 * served custom resources (so `kubectl explain shirt.spec` works).
 */
import type { ResourceType } from '../kinds/types';
import { loadedDefinitions, type Definitions, type Schema } from '../openapi';
import { customResourceInfo } from './customResourceType';
import { OBJECT_META } from './patchSchema';
import { additionalSchema, deepCopy, type JSONSchemaProps } from './schema';

const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const REF = '#/definitions/';
const API_VERSION_DOC =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DOC =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const METADATA_DOC = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
const LIST_METADATA_DOC = 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** `stable.example.com` + `v1` + `Shirt` → `com.example.stable.v1.Shirt` (util.ToRESTFriendlyName). */
export function customResourceDefinitionName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

/**
 * What OpenAPI v2 cannot say (openapiv2.ToStructuralOpenAPIV2): no
 * allOf/anyOf/oneOf/not, no nullable (such a field loses its type and
 * structure, and leaves `required`), and preserve-unknown-fields objects
 * lose their type. Mutates `s`.
 */
function toV2(s: JSONSchemaProps): void {
  delete s.allOf;
  delete s.anyOf;
  delete s.oneOf;
  delete s.not;
  if (s.nullable) {
    delete s.type;
    delete s.nullable;
    delete s.items;
    delete s.properties;
    delete s.additionalProperties;
  }
  if (s['x-kubernetes-preserve-unknown-fields'] && s.type === 'object') delete s.type;
  const props = s.properties ?? {};
  if (s.required) {
    s.required = s.required.filter((f) => !props[f]?.nullable);
    if (!s.required.length) delete s.required;
  }
  for (const p of Object.values(props)) toV2(p);
  if (s.items) toV2(s.items);
  const extra = additionalSchema(s);
  if (extra) toV2(extra);
}

function kindSchema(rt: ResourceType, flavor: OpenApiFlavor): Schema {
  const info = customResourceInfo(rt)!;
  const copy = info.schema ? deepCopy(info.schema) : undefined;
  if (copy && flavor === 'v2') toV2(copy);
  const base = (copy ?? { type: 'object' }) as Record<string, unknown>;
  const props = { ...((base.properties as Record<string, unknown> | undefined) ?? {}) };
  props.apiVersion = { description: API_VERSION_DOC, type: 'string' };
  props.kind = { description: KIND_DOC, type: 'string' };
  props.metadata = { description: METADATA_DOC, $ref: REF + OBJECT_META };
  const sorted = Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k]]));
  return { ...base, type: 'object', properties: sorted, 'x-kubernetes-group-version-kind': [{ group: rt.group, version: rt.version, kind: rt.kind }] } as Schema;
}

function listSchema(rt: ResourceType, itemDef: string): Schema {
  const listKind = customResourceInfo(rt)?.crd.status?.acceptedNames?.listKind || `${rt.kind}List`;
  return {
    description: `${listKind} is a list of ${rt.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { description: API_VERSION_DOC, type: 'string' },
      items: {
        description: `List of ${rt.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        type: 'array',
        items: { $ref: REF + itemDef },
      },
      kind: { description: KIND_DOC, type: 'string' },
      metadata: { description: LIST_METADATA_DOC, $ref: REF + LIST_META },
    },
    'x-kubernetes-group-version-kind': [{ group: rt.group, version: rt.version, kind: listKind }],
  } as Schema;
}

export type OpenApiFlavor = 'v2' | 'v3';

const caches: Record<OpenApiFlavor, WeakMap<readonly ResourceType[], WeakMap<Definitions, Definitions>>> = { v2: new WeakMap(), v3: new WeakMap() };

/**
 * `base` plus the definitions of every custom resource in `resources`, for
 * the `/openapi/v2` (`flavor` 'v2') or `/openapi/v3` documents. The same
 * arrays give the same object back, so the document caches keyed on it keep
 * working; without custom resources `base` itself comes back.
 */
export function definitionsWithCustomResources(resources: readonly ResourceType[], flavor: OpenApiFlavor = 'v3', base: Definitions = loadedDefinitions()): Definitions {
  const custom = resources.filter((rt) => customResourceInfo(rt));
  if (!custom.length) return base;
  const cache = caches[flavor];
  let byBase = cache.get(resources);
  const hit = byBase?.get(base);
  if (hit) return hit;
  const defs: Definitions = { ...base };
  for (const rt of custom) {
    const name = customResourceDefinitionName(rt.group, rt.version, rt.kind);
    defs[name] = kindSchema(rt, flavor);
    defs[`${name}List`] = listSchema(rt, name);
  }
  if (!byBase) cache.set(resources, (byBase = new WeakMap()));
  byBase.set(base, defs);
  return defs;
}
