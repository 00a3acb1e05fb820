/**
 * The manifest schema, built on first use from the generated OpenAPI
 * definitions. The JSON is big (~760 KB), so it is its own chunk, fetched
 * only when the editor opens.
 */
import { BUILTIN_KINDS } from './discovery';
import { kubernetesSchema, type JsonSchema } from './schema';

let loading: Promise<JsonSchema> | null = null;

export function loadManifestSchema(): Promise<JsonSchema> {
  loading ??= import('../../workers/api/openapi/generated/definitions.json').then((m) =>
    kubernetesSchema((m.default ?? m) as Record<string, unknown>, BUILTIN_KINDS),
  );
  return loading;
}
