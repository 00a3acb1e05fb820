import { describe, it, expect } from 'vitest';
import definitions from '../../workers/api/openapi/generated/definitions.json';
import { BUILTIN_KINDS } from './discovery';
import { kubernetesSchema, type JsonSchema } from './schema';

describe('kubernetesSchema over the generated v1.32 definitions', () => {
  const schema = kubernetesSchema(definitions as Record<string, unknown>, BUILTIN_KINDS);

  it('has one branch per built-in kind, each pointing at an existing definition', () => {
    const branches = schema.allOf as Array<{ then: { $ref: string } }>;
    expect(branches).toHaveLength(BUILTIN_KINDS.length);
    const defs = schema.definitions as Record<string, JsonSchema>;
    for (const b of branches) expect(defs[b.then.$ref.replace('#/definitions/', '')]).toBeDefined();
  });

  it('describes container fields for hover docs', () => {
    const container = (schema.definitions as Record<string, JsonSchema>)['io.k8s.api.core.v1.Container'];
    const image = (container.properties as Record<string, JsonSchema>).image;
    expect(image.description).toMatch(/Container image name/);
    expect(container.additionalProperties).toBe(false);
  });

  it('keeps every $ref resolvable', () => {
    const names = new Set(Object.keys(schema.definitions as object));
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
    for (const r of refs) expect(names.has(r.slice('"$ref":"#/definitions/'.length, -1))).toBe(true);
  });
});
