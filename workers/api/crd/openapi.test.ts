import { describe, it, expect } from 'vitest';
import { openapiV3GroupVersion, openapiV3Index, swaggerV2 } from '../openapi';
import { crdCluster, establish, shirtCRD } from './testing';
import { definitionsWithCustomResources } from './openapi';
import { patchSchemaForCustomResource } from './patchSchema';

describe('OpenAPI for custom resources', () => {
  it('publishes the schema under /openapi/v3/apis/<group>/<version> and in /openapi/v2', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const resources = c.api.deps.registry.all();
    const defs = definitionsWithCustomResources(resources);
    expect(definitionsWithCustomResources(resources)).toBe(defs);
    const doc = openapiV3GroupVersion(resources, 'stable.example.com', 'v1', defs) as {
      paths: Record<string, Record<string, { 'x-kubernetes-group-version-kind'?: unknown }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; 'x-kubernetes-group-version-kind': unknown }> };
    };
    const shirt = doc.components.schemas['com.example.stable.v1.Shirt'];
    expect(shirt['x-kubernetes-group-version-kind']).toEqual([{ group: 'stable.example.com', version: 'v1', kind: 'Shirt' }]);
    expect(Object.keys(shirt.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(shirt.properties.spec).toEqual({ type: 'object', properties: { color: { type: 'string' }, size: { type: 'string' } } });
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
    const get = doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/shirts/{name}'].get;
    expect(get['x-kubernetes-group-version-kind']).toEqual({ group: 'stable.example.com', version: 'v1', kind: 'Shirt' });
    expect(openapiV3Index(resources, defs).paths['apis/stable.example.com/v1']).toBeDefined();
    const v2 = swaggerV2(resources, definitionsWithCustomResources(resources, 'v2')) as { definitions: Record<string, unknown>; paths: Record<string, unknown> };
    expect(v2.definitions['com.example.stable.v1.ShirtList']).toBeDefined();
    expect(v2.paths['/apis/stable.example.com/v1/shirts']).toBeDefined();
  });

  it('leaves the built-in definitions alone when no CRD is served', async () => {
    const c = await crdCluster();
    const resources = c.api.deps.registry.all();
    const { loadedDefinitions } = await import('../openapi');
    expect(definitionsWithCustomResources(resources)).toBe(loadedDefinitions());
  });

  it('gives apply a schema whose metadata is ObjectMeta', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const rt = c.api.deps.registry.lookup('stable.example.com', 'v1', 'shirts')!;
    const ps = patchSchemaForCustomResource(rt)!;
    expect(ps.kind).toBe('object');
    expect(ps.field('metadata')?.field('labels')?.kind).toBe('map');
    expect(ps.field('spec')?.field('color')?.kind).toBe('primitive');
    expect(patchSchemaForCustomResource(c.api.deps.registry.lookup('', 'v1', 'pods')!)).toBeUndefined();
  });

  it('survives the /openapi/v2 protobuf encoding with a rich schema', async () => {
    const c = await crdCluster();
    establish(
      c,
      shirtCRD({
        required: ['color'],
        properties: {
          color: { type: 'string', enum: ['red', 'blue'], default: 'red', pattern: '^[a-z]+$' },
          price: { 'x-kubernetes-int-or-string': true },
          note: { type: 'string', nullable: true, maxLength: 10 },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      }),
    );
    const { encodeOpenApiV2 } = await import('../openapi/protobuf');
    const resources = c.api.deps.registry.all();
    const v2 = definitionsWithCustomResources(resources, 'v2');
    type Props = Record<string, { properties: Record<string, Record<string, unknown>> }>;
    const spec = (v2['com.example.stable.v1.Shirt'].properties as Props).spec;
    expect(spec.properties.note).toEqual({ maxLength: 10 });
    expect(spec.properties.extra).toEqual({ 'x-kubernetes-preserve-unknown-fields': true });
    const v3 = definitionsWithCustomResources(resources, 'v3');
    expect((v3['com.example.stable.v1.Shirt'].properties as Props).spec.properties.note).toEqual({ type: 'string', nullable: true, maxLength: 10 });
    const bytes = encodeOpenApiV2(swaggerV2(resources, v2));
    expect(bytes.length).toBeGreaterThan(encodeOpenApiV2(swaggerV2(resources)).length);
  });
});

