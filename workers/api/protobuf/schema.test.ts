import { describe, expect, it } from 'vitest';
import definitions from '../openapi/generated/definitions.json';
import generated from './generated/messages.json';
import { compileSchema, kubernetesSchema, type CompiledMessage } from './schema';

type Definition = { properties?: Record<string, unknown>; required?: string[] };
const defs = definitions as unknown as Record<string, Definition>;
const defOf = (m: CompiledMessage) => defs[m.name.replace(/^k8s\.io\./, 'io.k8s.')];

/** JSON names a message yields, inline embeds flattened. */
function jsonNames(m: CompiledMessage): string[] {
  return m.fields.flatMap((f) => (!f ? [] : f.inline && f.value.message ? jsonNames(f.value.message) : [f.name]));
}

describe('generated schema', () => {
  const schema = kubernetesSchema();
  const raw = generated as unknown as { packages: Record<string, Record<string, unknown>>; kinds: Record<string, Record<string, string>> };
  const messages = Object.entries(raw.packages).flatMap(([pkg, byName]) => Object.keys(byName).map((n) => schema.message(`${pkg}.${n}`)!));

  it('names every field of an object definition after its JSON property, and covers them all', () => {
    let checked = 0;
    for (const m of messages) {
      const d = defOf(m);
      if (!d?.properties || m.special) continue;
      // Root types carry apiVersion/kind in TypeMeta, which protobuf leaves to the envelope.
      const typeMeta = (p: string) => p === 'apiVersion' || p === 'kind';
      const props = Object.keys(d.properties).filter((p) => !typeMeta(p));
      expect(jsonNames(m).filter((p) => !typeMeta(p)).sort(), m.name).toEqual(props.sort());
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('only lets zeros drop for scalars OpenAPI does not require', () => {
    for (const m of messages) {
      const required = new Set(defOf(m)?.required ?? []);
      for (const f of m.fields) if (f?.omitZero) expect(required.has(f.name), `${m.name}.${f.name}`).toBe(false);
    }
    const container = schema.message('k8s.io.api.core.v1.Container')!;
    expect(container.fields[1]).toMatchObject({ name: 'name', omitZero: false });
    expect(container.fields[2]).toMatchObject({ name: 'image', omitZero: true });
  });

  it('registers the kinds kubectl sends, the options kinds in every group, and meta.k8s.io/v1', () => {
    expect(schema.kind('v1', 'ConfigMap')?.name).toBe('k8s.io.api.core.v1.ConfigMap');
    expect(schema.kind('policy/v1', 'Eviction')?.name).toBe('k8s.io.api.policy.v1.Eviction');
    expect(schema.kind('autoscaling/v1', 'Scale')?.name).toBe('k8s.io.api.autoscaling.v1.Scale');
    expect(schema.kind('authentication.k8s.io/v1', 'TokenRequest')?.name).toBe('k8s.io.api.authentication.v1.TokenRequest');
    expect(schema.kind('apps/v1', 'CreateOptions')?.name).toBe('k8s.io.apimachinery.pkg.apis.meta.v1.CreateOptions');
    expect(schema.kind('meta.k8s.io/v1', 'DeleteOptions')?.name).toBe('k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');
    expect(schema.kind('v1', 'PodSpec')).toBeUndefined();
    expect(schema.kind('apps/v1beta1', 'Deployment')).toBeUndefined();
    for (const [gv, kinds] of Object.entries(raw.kinds)) for (const kind of Object.keys(kinds)) expect(schema.kind(gv, kind), `${gv} ${kind}`).toBeDefined();
  });
});

describe('compileSchema', () => {
  it('rejects dangling references', () => {
    expect(() => compileSchema({ arrays: [], kinds: {}, packages: { p: { M: [[1, 'x', 'Missing']] } } })).toThrow('p.M.x refers to unknown type Missing');
    expect(() => compileSchema({ arrays: [], kinds: { v1: { M: 'p.Nope' } }, packages: { p: { M: [] } } })).toThrow('unknown message p.Nope');
  });
});
