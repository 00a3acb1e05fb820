import { describe, it, expect, beforeAll } from 'vitest';
import { loadDefinitions, definitionNameForGVK } from './openapi';
import { schemaFromDefinitions, strategicMergePatch, type OpenApiDefinitions, type PatchSchema } from './patch';
import type { KubeObject } from './object';
import { strategicMergeTouched } from './machinery';
import { mutate, pick, seeded, storedPod, otherObjects, type Rand } from './fieldmanager/randomObjects';
import { prim, struct } from './fieldmanager/testing';

let podSchema: PatchSchema;
const schemas: { obj: KubeObject; schema: PatchSchema }[] = [];

beforeAll(async () => {
  const defs = (await loadDefinitions()) as unknown as OpenApiDefinitions;
  const of = (g: { group: string; version: string; kind: string }) => schemaFromDefinitions(defs, definitionNameForGVK(defs as never, g)!)!;
  podSchema = of({ group: '', version: 'v1', kind: 'Pod' });
  schemas.push({ obj: storedPod(1), schema: podSchema });
  for (const { gvk, obj } of otherObjects()) schemas.push({ obj, schema: of(gvk) });
});

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const DIRECTIVES: [string, unknown][] = [
  ['$patch', 'replace'],
  ['$patch', 'delete'],
  ['$patch', 'merge'],
  ['$patch', 'bogus'],
  ['$retainKeys', ['phase', 'conditions']],
  ['$setElementOrder/conditions', [{ type: 'Ready' }, { type: 'Initialized' }]],
  ['$setElementOrder/containers', [{ name: 'nginx' }]],
  ['$deleteFromPrimitiveList/finalizers', ['example.com/f']],
];

/** A random patch against `orig`: some keys changed, nulled, merged into, or new; now and then a directive. */
function randomPatch(r: Rand, orig: unknown, depth = 0): unknown {
  if (!isMap(orig) || depth > 4) return mutate(r, orig, 1);
  const out: Json = {};
  for (const k of Object.keys(orig)) {
    const roll = r();
    if (roll < 0.45) continue;
    if (roll < 0.55) out[k] = null;
    else if (roll < 0.85 && isMap(orig[k])) out[k] = randomPatch(r, orig[k], depth + 1);
    else if (roll < 0.95 && Array.isArray(orig[k])) out[k] = mutate(r, orig[k], 1 + Math.floor(r() * 2));
    else out[k] = mutate(r, orig[k], 1);
  }
  if (r() < 0.2) out[pick(r, ['extra', 'phase', 'labels', 'x'])] = mutate(r, { a: 1, b: [1, 2] }, 1);
  if (r() < 0.12) {
    const [k, v] = pick(r, DIRECTIVES);
    out[k] = v;
  }
  // Directives naming this level's own lists, with or without the list in the patch.
  const lists = Object.keys(orig).filter((k) => Array.isArray(orig[k]));
  if (lists.length && r() < 0.3) {
    const k = pick(r, lists);
    const items = orig[k] as unknown[];
    if (r() < 0.5) out[`$setElementOrder/${k}`] = [...items].reverse().map((it) => (isMap(it) ? Object.fromEntries(Object.entries(it).slice(0, 1)) : it));
    else out[`$deleteFromPrimitiveList/${k}`] = items.filter((it) => !isMap(it)).slice(0, 1);
    if (r() < 0.5) delete out[k];
  }
  return out;
}

function compareBoth(orig: KubeObject, patch: unknown, schema: PatchSchema): 'touched' | 'general' {
  const frozen = JSON.stringify(orig);
  const general = strategicMergePatch(structuredClone(orig), structuredClone(patch), schema);
  const touched = strategicMergeTouched(orig, structuredClone(patch), schema);
  // Neither input is changed.
  expect(JSON.stringify(orig)).toBe(frozen);
  if (!touched) return 'general';
  expect(general.ok, JSON.stringify(patch)).toBe(true);
  expect(JSON.stringify(touched), JSON.stringify(patch)).toBe(JSON.stringify(general.ok ? general.object : undefined));
  return 'touched';
}

describe('strategic merge patch on the touched parts only', () => {
  it('gives what the whole-object merge gives for the patches kubelets send', () => {
    const pod = storedPod(7);
    const patch = {
      metadata: { uid: pod.metadata.uid },
      status: {
        '$setElementOrder/conditions': [{ type: 'Initialized' }, { type: 'Ready' }],
        conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      },
    };
    expect(compareBoth(pod, patch, podSchema)).toBe('touched');
    const out = strategicMergeTouched(pod, patch, podSchema)!;
    // Fresh throughout: nothing is shared with the stored object.
    expect(out.spec).not.toBe(pod.spec);
    expect((out.metadata as Json).annotations).not.toBe(pod.metadata.annotations);
    expect((out.metadata as Json).labels).not.toBe(pod.metadata.labels);
    expect(Object.keys(out)).toEqual(Object.keys(pod));
  });

  it('agrees with the whole-object merge on thousands of random patches', () => {
    const r = seeded(7);
    const counts = { touched: 0, general: 0 };
    for (let i = 0; i < 3000; i++) {
      const { obj, schema } = pick(r, schemas);
      const orig = r() < 0.5 ? obj : mutate(r, obj, 1 + Math.floor(r() * 3));
      counts[compareBoth(orig, randomPatch(r, orig), schema)]++;
    }
    // Both paths are exercised.
    expect(counts.touched).toBeGreaterThan(1500);
    expect(counts.general).toBeGreaterThan(100);
  });

  it('reorders and deletes from lists a directive names even when the patch leaves the list out', () => {
    const pod = storedPod(4);
    const order = { status: { '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'Initialized' }] } };
    expect(compareBoth(pod, order, podSchema)).toBe('touched');
    const conditions = (strategicMergeTouched(pod, order, podSchema)!.status as { conditions: { type: string }[] }).conditions;
    expect(conditions.map((c) => c.type)).toEqual(['Ready', 'Initialized']);
    const del = { metadata: { '$deleteFromPrimitiveList/finalizers': ['example.com/f'] } };
    expect(compareBoth(pod, del, podSchema)).toBe('touched');
    expect((strategicMergeTouched(pod, del, podSchema)!.metadata as Json).finalizers).toEqual([]);
  });

  it('leaves patches with directives at the top, non-object bodies and originals holding directive keys to the general path', () => {
    const pod = storedPod(2);
    expect(strategicMergeTouched(pod, { $patch: 'replace', metadata: { name: 'x' } }, podSchema)).toBeUndefined();
    expect(strategicMergeTouched(pod, null, podSchema)).toBeUndefined();
    expect(strategicMergeTouched(pod, '{"status":{}}', podSchema)).toBeUndefined();
    const odd = { ...pod, spec: { ...(pod.spec as Json), nodeSelector: { $patch: 'delete' } } } as KubeObject;
    expect(strategicMergeTouched(odd, { status: { phase: 'Failed' } }, podSchema)).toBeUndefined();
    expect(compareBoth(odd, { status: { phase: 'Failed' } }, podSchema)).toBe('general');
    // A merge error is the general path's to report.
    expect(strategicMergeTouched(pod, { spec: { containers: [{ image: 'no-name' }] } }, podSchema)).toBeUndefined();
  });

  it('merges into a map whose field says replace the way the general path does', () => {
    const inner = struct({ a: prim, b: prim });
    const schema = struct({ metadata: struct({ name: prim }), spec: struct({ conf: () => ({ ...inner, patchStrategy: 'replace' }), other: inner }) });
    const orig = { apiVersion: 'v1', kind: 'X', metadata: { name: 'x' }, spec: { conf: { a: 1, b: 2 }, other: { a: 1, b: 2 } } } as unknown as KubeObject;
    const patch = { spec: { conf: { a: 3 }, other: { a: 3 } } };
    expect(compareBoth(orig, patch, schema)).toBe('touched');
    expect((strategicMergeTouched(orig, patch, schema)!.spec as Json).conf).toEqual({ a: 3 });
    expect((strategicMergeTouched(orig, patch, schema)!.spec as Json).other).toEqual({ a: 3, b: 2 });
  });
});
