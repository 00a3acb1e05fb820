import { describe, it, expect, beforeAll } from 'vitest';
import type { PatchSchema } from '../patch';
import { gvkSchemas, type Gvk } from './testingSchemas';
import { jsonEqual } from '../object';
import { changes, compare, withoutShortcuts, type Comparison } from './compare';
import { FieldSet } from './fieldset';
import { fieldPath, fieldPE, pathString, singleKeyPE } from './pathElement';
import { mutate, otherObjects, pick, seeded, storedPod, type Rand } from './randomObjects';

let schemaOf: (gvk: Gvk) => PatchSchema | undefined;

beforeAll(async () => {
  schemaOf = await gvkSchemas();
});

/**
 * `r` with some of its subtrees replaced by the equal subtrees of `l`, as
 * stored revisions share what did not change (which the walk's identity
 * shortcuts rely on).
 */
function share(r: Rand, l: unknown, next: unknown): unknown {
  if (r() < 0.3 && jsonEqual(l, next)) return l;
  if (Array.isArray(next)) return next.map((v, i) => (Array.isArray(l) ? share(r, l[i], v) : v));
  if (typeof next !== 'object' || next === null) return next;
  const lo = typeof l === 'object' && l !== null && !Array.isArray(l) ? (l as Record<string, unknown>) : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) out[k] = lo ? share(r, lo[k], v) : v;
  return out;
}

/** Changes a field inside a pod's first container and one of its conditions, when there (random edits seldom land there). */
function touchListItems(r: Rand, o: Record<string, unknown>): void {
  const at = (v: unknown, k: string | number): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined);
  const c0 = at(at(o.spec, 'containers'), 0);
  if (typeof c0 === 'object' && c0 !== null) (c0 as Record<string, unknown>).image = pick(r, ['nginx:1.28', 'x']);
  const cond = at(at(o.status, 'conditions'), Math.floor(r() * 2));
  if (typeof cond === 'object' && cond !== null) (cond as Record<string, unknown>).status = pick(r, ['False', 'Unknown']);
}

const show = (c: Comparison) => JSON.stringify([c.added, c.modified, c.removed].map((s) => s.paths().map(pathString)));
const showSet = (s: FieldSet) => JSON.stringify(s.paths().map(pathString));

describe('compare shortcuts (identity, implicit fields, pairwise list items)', () => {
  it('give the plain walk\'s answer on thousands of random revision pairs', () => {
    const r = seeded(7);
    const POD = { group: '', version: 'v1', kind: 'Pod' };
    const seeds = [{ gvk: POD, obj: storedPod(1) }, { gvk: POD, obj: storedPod(2) }, ...otherObjects()];
    const ignores = [undefined, FieldSet.of(fieldPath('spec')), FieldSet.of(fieldPath('status')), FieldSet.of(fieldPath('metadata', 'managedFields'), fieldPath('status', 'conditions')),
      // Under list items, which the pairwise walk must honour too.
      FieldSet.of([...fieldPath('status', 'conditions'), singleKeyPE('type', 'Ready')], [...fieldPath('spec', 'containers'), singleKeyPE('name', 'nginx'), fieldPE('image')]),
    ];
    let nonEmpty = 0;
    for (let i = 0; i < 3000; i++) {
      const { gvk, obj } = pick(r, seeds);
      const schema = r() < 0.9 ? schemaOf(gvk) : undefined;
      const l = r() < 0.8 ? mutate(r, obj, Math.floor(r() * 3)) : undefined;
      const next = mutate(r, l ?? obj, Math.floor(r() * 4));
      if (r() < 0.5) touchListItems(r, next);
      const rv = l === undefined ? next : share(r, l, next);
      const ignore = pick(r, ignores);
      const fast = compare(l, rv, schema, ignore);
      const plain = withoutShortcuts(() => compare(l, rv, schema, ignore));
      expect(show(fast)).toBe(show(plain));
      const ch = changes(l, rv, schema, ignore);
      expect(showSet(ch.changed)).toBe(showSet(plain.added.union(plain.modified)));
      expect(showSet(ch.removed)).toBe(showSet(plain.removed));
      if (!ch.changed.empty() || !ch.removed.empty()) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(1500);
  });

  it('compare keyed lists item by item when their keys line up, and index them when not', () => {
    const schema = schemaOf({ group: '', version: 'v1', kind: 'Pod' });
    const cond = (type: string, status: string) => ({ type, status });
    const cases: [unknown[], unknown[]][] = [
      [[cond('A', 'True'), cond('B', 'False')], [cond('A', 'False'), cond('B', 'False')]],
      // reordered, duplicated, a key missing, different lengths
      [[cond('A', 'True'), cond('B', 'False')], [cond('B', 'False'), cond('A', 'True')]],
      [[cond('A', 'True'), cond('A', 'False')], [cond('A', 'True'), cond('A', 'True')]],
      [[cond('A', 'True'), { status: 'x' }], [cond('A', 'True'), { status: 'y' }]],
      [[cond('A', 'True')], [cond('A', 'True'), cond('B', 'True')]],
      [Array.from({ length: 20 }, (_, i) => cond(`T${i}`, 'True')), Array.from({ length: 20 }, (_, i) => cond(`T${i}`, i % 3 ? 'True' : 'False'))],
    ];
    for (const [a, b] of cases) {
      const l = { status: { conditions: a } };
      const rr = { status: { conditions: b } };
      expect(show(compare(l, rr, schema))).toBe(show(withoutShortcuts(() => compare(l, rr, schema))));
    }
    const c = compare({ status: { conditions: cases[0][0] } }, { status: { conditions: cases[0][1] } }, schema);
    expect(c.modified.paths().map(pathString)).toEqual(['.status.conditions[type="A"].status']);
  });
});
