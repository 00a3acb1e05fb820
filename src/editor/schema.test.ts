import { describe, it, expect } from 'vitest';
import { kubernetesSchema, type JsonSchema } from './schema';

const DEFS = {
  'io.k8s.api.apps.v1.Deployment': {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { description: 'Standard object metadata.', $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
      spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
    },
    'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'Deployment', version: 'v1' }],
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    type: 'object',
    required: ['selector'],
    properties: {
      replicas: { type: 'integer', format: 'int32' },
      strategy: { type: 'object', properties: { rollingUpdate: { type: 'object', properties: { maxSurge: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' } } } } },
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    type: 'object',
    properties: { labels: { type: 'object', additionalProperties: { type: 'string' } }, creationTimestamp: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time' } },
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string', description: 'Quantity is a fixed-point number.' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions': {
    type: 'object',
    properties: { kind: { type: 'string' } },
    'x-kubernetes-group-version-kind': [{ group: '', kind: 'DeleteOptions', version: 'v1' }],
  },
};

const defs = (s: JsonSchema) => s.definitions as Record<string, JsonSchema>;

describe('kubernetesSchema', () => {
  const schema = kubernetesSchema(DEFS, [{ group: 'apps', version: 'v1', kind: 'Deployment' }]);

  it('dispatches each served kind by apiVersion and kind to its definition', () => {
    expect(schema.allOf).toEqual([
      {
        if: { properties: { apiVersion: { const: 'apps/v1' }, kind: { const: 'Deployment' } }, required: ['apiVersion', 'kind'] },
        then: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' },
      },
    ]);
    expect(schema.properties).toMatchObject({ kind: { anyOf: [{ enum: ['Deployment'] }, { type: 'string' }] }, apiVersion: { anyOf: [{ enum: ['apps/v1'] }, { type: 'string' }] } });
  });

  it('leaves out kinds the cluster does not serve (DeleteOptions has a GVK but is no resource)', () => {
    expect(JSON.stringify(schema.allOf)).not.toContain('DeleteOptions');
  });

  it('refuses undeclared fields, but not in maps of free keys', () => {
    expect(defs(schema)['io.k8s.api.apps.v1.DeploymentSpec'].additionalProperties).toBe(false);
    const labels = (defs(schema)['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties as Record<string, JsonSchema>).labels;
    expect(labels.additionalProperties).toEqual({ type: 'string' });
    const strategy = (defs(schema)['io.k8s.api.apps.v1.DeploymentSpec'].properties as Record<string, JsonSchema>).strategy;
    expect(strategy.additionalProperties).toBe(false);
  });

  it('keeps the description of a $ref property next to the reference', () => {
    const meta = (defs(schema)['io.k8s.api.apps.v1.Deployment'].properties as Record<string, JsonSchema>).metadata;
    expect(meta).toEqual({ description: 'Standard object metadata.', allOf: [{ $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] });
  });

  it('lets IntOrString and Quantity be numbers, and Time be null', () => {
    expect(defs(schema)['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type).toEqual(['integer', 'string']);
    expect(defs(schema)['io.k8s.apimachinery.pkg.api.resource.Quantity']).toEqual({ description: 'Quantity is a fixed-point number.', type: ['string', 'number'] });
    expect(defs(schema)['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].type).toEqual(['string', 'null']);
  });

  it('drops OpenAPI formats and extensions', () => {
    const text = JSON.stringify(schema);
    expect(text).not.toContain('int32');
    expect(text).not.toContain('x-kubernetes-group-version-kind');
  });

  it('ignores malformed definitions instead of throwing', () => {
    const s = kubernetesSchema({ broken: 'nope', weird: { 'x-kubernetes-group-version-kind': 'x' } } as Record<string, unknown>, []);
    expect(s.allOf).toEqual([]);
  });
});
