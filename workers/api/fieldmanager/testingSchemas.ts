/**
 * The real OpenAPI-derived schema of a kind, for tests that run the field
 * manager on real shapes: `const schemaOf = await gvkSchemas()` in a
 * beforeAll. Test-only.
 */
import { loadDefinitions, definitionNameForGVK } from '../openapi';
import { schemaFromDefinitions, type OpenApiDefinitions, type PatchSchema } from '../patch';

export type Gvk = { group: string; version: string; kind: string };

export async function gvkSchemas(): Promise<(gvk: Gvk) => PatchSchema | undefined> {
  const defs = (await loadDefinitions()) as unknown as OpenApiDefinitions;
  const schemas = new Map<string, PatchSchema | undefined>();
  return (gvk) => {
    const k = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (!schemas.has(k)) {
      const name = definitionNameForGVK(defs as never, gvk);
      schemas.set(k, name ? schemaFromDefinitions(defs, name) : undefined);
    }
    return schemas.get(k);
  };
}
