/** Test fixtures: a cluster serving CRDs, and the upstream docs' Shirt CRD. */
import { createCluster, type Cluster } from '../../cluster';
import type { KubeObject } from '../object';
import type { ApiResponse } from '../request';
import { startApiExtensions } from './index';
import { withCustomResources } from './machinery';

/** Until the lead wires them into cluster.ts: the controllers and the machinery hooks on `c`. */
export function serveCustomResources(c: Cluster): void {
  const deps = c.api.deps;
  startApiExtensions(c.components, deps.registry);
  if (!(deps.machinery as { crd?: true }).crd) deps.machinery = Object.assign(withCustomResources(deps.machinery), { crd: true as const });
}

export async function crdCluster(): Promise<Cluster> {
  const c = await createCluster({ seed: 1, nodes: 1 });
  serveCustomResources(c);
  return c;
}

/** Run the clock until `until` holds (bounded in virtual time). */
export function runUntil(c: Cluster, until: () => boolean, ms = 60_000): void {
  c.clock.runUntil({ until, time: c.clock.now() + ms });
}

export const CRDS = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' } as const;
export const SHIRTS = { group: 'stable.example.com', version: 'v1', resource: 'shirts' } as const;

/** shirt-resource-definition.yaml from the Kubernetes docs (CRD field selectors page). */
export function shirtCRD(schemaExtra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'shirts.stable.example.com' },
    spec: {
      group: 'stable.example.com',
      scope: 'Namespaced',
      names: { plural: 'shirts', singular: 'shirt', kind: 'Shirt' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', properties: { color: { type: 'string' }, size: { type: 'string' } }, ...schemaExtra },
              },
            },
          },
          selectableFields: [{ jsonPath: '.spec.color' }, { jsonPath: '.spec.size' }],
          additionalPrinterColumns: [
            { jsonPath: '.spec.color', name: 'Color', type: 'string' },
            { jsonPath: '.spec.size', name: 'Size', type: 'string' },
          ],
        },
      ],
    },
  };
}

export function shirt(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'stable.example.com/v1', kind: 'Shirt', metadata: { name }, spec };
}

export function establish(c: Cluster, crd: KubeObject): ApiResponse {
  const r = c.request({ ...CRDS, verb: 'create', body: crd });
  const plural = (crd.spec as { names: { plural: string } }).names.plural;
  const group = (crd.spec as { group: string }).group;
  runUntil(c, () => c.api.deps.registry.all().some((rt) => rt.group === group && rt.plural === plural));
  return r;
}
