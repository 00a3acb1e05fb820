import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { customResourceDefinitionStrategy as s } from './customResourceDefinition';

const crd = (name: string, spec: Record<string, unknown> = {}) =>
  obj(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    name,
    {
      spec: {
        group: 'stable.example.com',
        scope: 'Namespaced',
        names: { plural: 'shirts', kind: 'Shirt' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
        ...spec,
      },
    },
    undefined,
  );

describe('CustomResourceDefinition', () => {
  it('defaults names and conversion and records the stored version', () => {
    const o = prepareCreate(s, crd('shirts.stable.example.com'));
    expect((o.spec as Record<string, unknown>).names).toEqual({ plural: 'shirts', kind: 'Shirt', singular: 'shirt', listKind: 'ShirtList' });
    expect((o.spec as Record<string, unknown>).conversion).toEqual({ strategy: 'None' });
    expect(o.status).toEqual({ acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] });
    expect(createErrors(s, crd('shirts.stable.example.com'))).toEqual([]);
  });

  it('requires the name to be <plural>.<group>', () => {
    expect(createErrors(s, crd('x'))).toEqual(['metadata.name: Invalid value: "x": must be spec.names.plural+"."+spec.group']);
  });

  it('requires exactly one storage version, a dotted group and a scope', () => {
    const errs = createErrors(s, crd('shirts.example', {
      group: 'example',
      scope: 'Global',
      versions: [
        { name: 'v1', storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
        { name: 'v2', storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    }));
    expect(errs).toContain('spec.group: Invalid value: "example": should be a domain with at least one dot');
    expect(errs).toContain('spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"');
    expect(errs.some((e) => e.startsWith('spec.versions: Invalid value:') && e.endsWith('must have exactly one version marked as storage version'))).toBe(true);
  });

  it('keeps group and plural immutable', () => {
    const old = prepareCreate(s, crd('shirts.stable.example.com'));
    const next = crd('shirts.stable.example.com', { group: 'other.example.com' });
    expect(updateErrors(s, next, old)).toContain('spec.group: Invalid value: "other.example.com": field is immutable');
  });
});
