import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceType } from '../kinds/types';
import { loadDefinitions } from './definitions';
import { openapiV3GroupVersion, openapiV3Hash, openapiV3Index } from './openapi-v3';
import { swaggerV2 } from './swagger-v2';
import type { Definitions } from './types';

const rt = (r: Partial<ResourceType> & Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'>): ResourceType => ({ singular: r.kind.toLowerCase(), ...r });
const RESOURCES: ResourceType[] = [
  rt({ group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, subresources: ['status', 'log', 'eviction', 'binding'] }),
  rt({ group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, subresources: ['status'] }),
  rt({ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: ['status', 'scale'] }),
  rt({ group: 'stable.example.com', version: 'v1', kind: 'Shirt', plural: 'shirts', namespaced: true }),
];

let defs: Definitions;
beforeAll(async () => {
  defs = await loadDefinitions();
});

type Op = { parameters?: { name: string; in: string }[]; consumes?: string[]; 'x-kubernetes-action'?: string; 'x-kubernetes-group-version-kind'?: unknown; operationId?: string };
type Doc = { paths: Record<string, Record<string, Op>>; definitions: Definitions };

describe('swaggerV2', () => {
  it('serves the collection, item and subresource paths with upstream operation shapes', () => {
    const doc = swaggerV2(RESOURCES) as Doc & { swagger: string; info: { title: string } };
    expect(doc.swagger).toBe('2.0');
    expect(doc.info.title).toBe('Kubernetes');
    const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'parameters', 'patch', 'put']);
    const patch = item.patch;
    expect(patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(patch['x-kubernetes-action']).toBe('patch');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.consumes).toEqual(['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml']);
    const q = (op: Op) => (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(q(patch)).toEqual(expect.arrayContaining(['dryRun', 'fieldManager', 'fieldValidation', 'force']));
    expect(q(item.put)).toContain('fieldValidation');
    expect(q(item.put)).not.toContain('force');
    expect(q(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post)).toContain('fieldValidation');
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].get['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(doc.paths['/apis/apps/v1/deployments'].get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    expect(doc.paths['/api/v1/nodes/{name}/status'].patch.operationId).toBe('patchCoreV1NodeStatus');
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind']).toEqual({ group: 'policy', version: 'v1', kind: 'Eviction' });
    expect(doc.paths['/api/v1/nodes']).toBeDefined();
    expect(doc.paths['/api/v1/namespaces/{namespace}/nodes']).toBeUndefined();
    expect(Object.keys(doc.paths).some((p) => p.includes('shirts'))).toBe(false);
  });

  it('includes exactly the definitions the served resources reach', () => {
    const doc = swaggerV2(RESOURCES) as Doc;
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']).toBeDefined();
    expect(doc.definitions['io.k8s.api.core.v1.Container']).toBeDefined();
    expect(doc.definitions['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
    expect(doc.definitions['io.k8s.api.batch.v1.Job']).toBeUndefined();
  });

  it('is cached per resource list', () => {
    expect(swaggerV2(RESOURCES)).toBe(swaggerV2(RESOURCES));
    expect(swaggerV2(RESOURCES.slice(0, 1))).not.toBe(swaggerV2(RESOURCES));
  });
});

describe('openapi v3', () => {
  it('indexes each served group-version with a content hash', () => {
    const index = openapiV3Index(RESOURCES);
    expect(Object.keys(index.paths).sort()).toEqual(['api/v1', 'apis/apps/v1', 'apis/stable.example.com/v1']);
    expect(index.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    expect(index.paths['api/v1'].serverRelativeURL).not.toBe(index.paths['apis/apps/v1'].serverRelativeURL.replace('apis/apps', 'api'));
    expect(openapiV3Hash(RESOURCES, 'apps', 'v1')).toBe(index.paths['apis/apps/v1'].serverRelativeURL.split('hash=')[1]);
  });

  it('serves apps/v1 with Deployment schemas for explain and a PATCH with fieldValidation', () => {
    const doc = openapiV3GroupVersion(RESOURCES, 'apps', 'v1') as {
      openapi: string;
      paths: Record<string, Record<string, Op & { requestBody?: { content: Record<string, unknown> } }>>;
      components: { schemas: Record<string, Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> }> };
    };
    expect(doc.openapi).toBe('3.0.0');
    const dep = doc.components.schemas['io.k8s.api.apps.v1.Deployment'];
    expect(dep['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(dep.properties?.spec).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }], description: expect.stringContaining('Specification of the desired behavior') });
    const spec = doc.components.schemas['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(spec.properties?.strategy.description).toBe('The deployment strategy to use to replace existing pods with new ones.');
    expect(doc.components.schemas['io.k8s.api.apps.v1.DeploymentStrategy'].description).toMatch(/^DeploymentStrategy describes/);
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(doc.components.schemas['io.k8s.api.core.v1.Pod']).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('#/definitions/');
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters?.find((p) => p.name === 'fieldValidation')?.in).toBe('query');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(Object.keys(patch.requestBody?.content ?? {})).toContain('application/strategic-merge-patch+json');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/apis/apps/v1/'))).toBe(true);
  });

  it('returns undefined for a group-version that is not served', () => {
    expect(openapiV3GroupVersion(RESOURCES, 'batch', 'v1')).toBeUndefined();
  });
});
