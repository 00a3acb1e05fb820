import { describe, expect, it } from 'vitest';
import { schemaFromDefinitions, type OpenApiDefinitions } from './schemaFromDefinitions';
import { DEPLOYMENT, testDefinitions } from './testDefinitions';

const at = (path: string) => {
  let s = schemaFromDefinitions(testDefinitions, DEPLOYMENT);
  for (const step of path.split('.')) {
    if (!s) return undefined;
    s = step === '[]' ? s.items() : s.field(step);
  }
  return s;
};

describe('schemaFromDefinitions', () => {
  it('returns undefined for an unknown root', () => {
    expect(schemaFromDefinitions(testDefinitions, 'io.k8s.api.core.v1.Nope')).toBeUndefined();
  });

  it('follows $refs down to containers, carrying the property extensions', () => {
    const containers = at('spec.template.spec.containers');
    expect(containers).toMatchObject({ kind: 'list', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] });
    expect(containers?.items()?.kind).toBe('object');
    expect(at('spec.template.spec.containers.[].ports')).toMatchObject({ patchMergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'] });
    expect(at('spec.template.spec.containers.[].env')?.patchMergeKey).toBe('name');
    expect(at('spec.template.spec.containers.[].image')?.kind).toBe('primitive');
    expect(at('spec.template.spec.volumes')?.patchStrategy).toBe('merge,retainKeys');
  });

  it('a $ref property keeps its own patch strategy and the target structure', () => {
    const strategy = at('spec.strategy');
    expect(strategy?.patchStrategy).toBe('retainKeys');
    expect(strategy?.kind).toBe('object');
    expect(strategy?.field('rollingUpdate')?.field('maxSurge')?.kind).toBe('primitive');
  });

  it('maps give their value schema for any key', () => {
    const labels = at('metadata.labels');
    expect(labels?.kind).toBe('map');
    expect(labels?.field('app.kubernetes.io/name')?.kind).toBe('primitive');
    expect(at('spec.template.spec.containers.[].resources.limits.cpu')?.kind).toBe('primitive');
  });

  it('finalizers are a merge set of strings', () => {
    expect(at('metadata.finalizers')).toMatchObject({ kind: 'list', patchStrategy: 'merge', listType: 'set' });
    expect(at('metadata.finalizers')?.patchMergeKey).toBeUndefined();
    expect(at('metadata.ownerReferences.[]')?.mapType).toBe('atomic');
    expect(at('spec.selector')?.mapType).toBe('atomic');
  });

  it('unknown fields and non-containers have no sub-schema', () => {
    expect(at('spec.nope')).toBeUndefined();
    expect(at('spec.replicas.x')).toBeUndefined();
    expect(at('spec.replicas')?.items()).toBeUndefined();
  });

  it('reuses nodes, so recursive definitions stay finite', () => {
    const s = schemaFromDefinitions(
      {
        Props: {
          type: 'object',
          properties: { items: { $ref: '#/definitions/Props' }, properties: { type: 'object', additionalProperties: { $ref: '#/definitions/Props' } } },
        },
      },
      'Props',
    );
    const deep = s?.field('items')?.field('items')?.field('properties')?.field('x')?.field('items');
    expect(deep?.kind).toBe('object');
    expect(s?.field('properties')).toBe(s?.field('properties'));
  });

  it('reads OpenAPI v3 allOf-wrapped references', () => {
    const s = schemaFromDefinitions(
      {
        'a.Spec': {
          type: 'object',
          properties: {
            strategy: { allOf: [{ $ref: '#/components/schemas/a.Strategy' }], 'x-kubernetes-patch-strategy': 'retainKeys' },
          },
        },
        'a.Strategy': { type: 'object', properties: { type: { type: 'string' } } },
      },
      'a.Spec',
    );
    expect(s?.field('strategy')).toMatchObject({ kind: 'object', patchStrategy: 'retainKeys' });
    expect(s?.field('strategy')?.field('type')?.kind).toBe('primitive');
  });

  it('ignores malformed extension values', () => {
    const s = schemaFromDefinitions(
      JSON.parse(
        '{"X":{"type":"object","properties":{"l":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"bogus","x-kubernetes-patch-merge-key":5}}}}',
      ) as OpenApiDefinitions,
      'X',
    );
    expect(s?.field('l')?.listType).toBeUndefined();
    expect(s?.field('l')?.patchMergeKey).toBeUndefined();
  });
});
