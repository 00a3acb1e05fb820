/**
 * The strategic-merge metadata kubectl reads from the server's OpenAPI for a
 * kind (x-kubernetes-patch-merge-key / -strategy); undefined for kinds the
 * document does not describe with them (custom resources use merge patches).
 */
import type { KubectlClient } from '../client';
import { nonResourceRequest } from '../nonResource';
import { schemaFromDefinitions, type OpenApiDefinitions, type PatchSchema } from '../../api/patch';

export async function patchSchemaFor(client: KubectlClient, gvk: { group: string; version: string; kind: string }, builtIn: boolean): Promise<PatchSchema | undefined> {
  if (!builtIn) return undefined;
  const path = gvk.group ? `/openapi/v3/apis/${gvk.group}/${gvk.version}` : `/openapi/v3/api/${gvk.version}`;
  const r = await client.request(nonResourceRequest(path));
  if (r.status !== 200) return undefined;
  const schemas = ((r.body as { components?: { schemas?: OpenApiDefinitions } }).components?.schemas ?? {}) as OpenApiDefinitions;
  for (const [name, s] of Object.entries(schemas)) {
    const gvks = s['x-kubernetes-group-version-kind'];
    if (Array.isArray(gvks) && gvks.some((g: { group?: string; version?: string; kind?: string }) => (g.group ?? '') === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) {
      return schemaFromDefinitions(schemas, name);
    }
  }
  return undefined;
}

/** Groups whose kinds are compiled into the API server (strategic merge patch works for them). */
export function isBuiltInGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}
