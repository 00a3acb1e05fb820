/**
 * The slice of OpenAPI v2 schema objects our generated definitions use
 * (see scripts/gen-openapi.mjs).
 */
export interface GVKExtension {
  group: string;
  version: string;
  kind: string;
}

// A type alias (not an interface) so it is assignable to index-signature types
// such as patch/schemaFromDefinitions' OpenApiSchema.
export type Schema = {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema;
  'x-kubernetes-group-version-kind'?: GVKExtension[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
};

/** Definition name (`io.k8s.api.apps.v1.Deployment`) → schema. */
export type Definitions = Record<string, Schema>;

export const DEFINITION_REF_PREFIX = '#/definitions/';

/** `#/definitions/io.k8s...Foo` → `io.k8s...Foo`. */
export function refName(ref: string): string {
  return ref.startsWith(DEFINITION_REF_PREFIX) ? ref.slice(DEFINITION_REF_PREFIX.length) : ref;
}
