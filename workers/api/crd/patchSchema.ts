/**
 * The PatchSchema server-side apply and managedFields use for a custom
 * resource: the version's openAPIV3Schema (with its x-kubernetes-list-type,
 * -list-map-keys and -map-type), with `metadata` as the built-in ObjectMeta
 * the way the CR type converter builds it
 * (apiextensions-apiserver pkg/controller/openapi/builder buildKubeNative).
 * Merge and JSON patches need none; strategic merge is refused for custom
 * resources, so hand this schema to apply and field management only.
 */
import type { ResourceType } from '../kinds/types';
import { loadedDefinitions } from '../openapi';
import { schemaFromDefinitions, type OpenApiDefinitions, type OpenApiSchema, type PatchSchema } from '../patch';
import { customResourceInfo } from './customResourceType';

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const ROOT = '__customResource';

const cache = new WeakMap<ResourceType, PatchSchema | undefined>();

export function patchSchemaForCustomResource(rt: ResourceType): PatchSchema | undefined {
  if (cache.has(rt)) return cache.get(rt);
  const info = customResourceInfo(rt);
  if (!info) return undefined;
  const schema = (info.schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) as OpenApiSchema;
  const root: OpenApiSchema = {
    ...schema,
    type: 'object',
    properties: {
      ...(schema.properties ?? {}),
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { $ref: `#/definitions/${OBJECT_META}` },
    },
  };
  // Built-in definitions stay shared: the CR root is an own key over them.
  const defs = Object.create(loadedDefinitions() as unknown as OpenApiDefinitions) as OpenApiDefinitions;
  defs[ROOT] = root;
  const ps = schemaFromDefinitions(defs, ROOT);
  cache.set(rt, ps);
  return ps;
}
