import { describe, it, expect } from 'vitest';
import { FieldSet } from './fieldset';
import { fieldPE, keyPE, pathString, valuePE, type Path, type PathElement } from './pathElement';
import { pick, seeded, type Rand } from './randomObjects';

const NAMES = ['metadata', 'spec', 'status', 'labels', 'containers', 'image', 'conditions', 'ports'];

function randomPE(r: Rand): PathElement {
  const roll = r();
  if (roll < 0.6) return fieldPE(pick(r, NAMES));
  if (roll < 0.85) return keyPE([['name', pick(r, ['a', 'b', 'c'])]]);
  return valuePE(pick(r, ['x', 'y', 1]));
}

function randomSet(r: Rand): FieldSet {
  const s = new FieldSet();
  const n = Math.floor(r() * 12);
  for (let i = 0; i < n; i++) {
    const p: PathElement[] = [];
    const depth = 1 + Math.floor(r() * 4);
    for (let d = 0; d < depth; d++) p.push(randomPE(r));
    s.insert(p);
  }
  return s;
}

/** The same set read lazily from its FieldsV1 and decoded eagerly. */
function both(s: FieldSet): [FieldSet, FieldSet] {
  const json = s.toFieldsV1();
  const eager = FieldSet.fromFieldsV1(json);
  if (eager instanceof Error) throw eager;
  return [FieldSet.lazy(json), eager];
}

const show = (s: FieldSet) => JSON.stringify({ paths: s.paths().map(pathString), json: s.toFieldsV1(), empty: s.empty() });

describe('lazily read field sets', () => {
  it('answer every operation as the eagerly decoded set does (randomised)', () => {
    const r = seeded(11);
    for (let i = 0; i < 400; i++) {
      const a = randomSet(r);
      const b = randomSet(r);
      const [la, ea] = both(a);
      const [lb, eb] = both(b);
      // Either operand lazy, and both.
      for (const [x, y] of [
        [la, eb],
        [ea, lb],
        [both(a)[0], both(b)[0]],
      ] as const) {
        expect(show(x.union(y))).toBe(show(ea.union(eb)));
        expect(show(x.intersection(y))).toBe(show(ea.intersection(eb)));
        expect(show(x.difference(y))).toBe(show(ea.difference(eb)));
        expect(show(x.recursiveDifference(y))).toBe(show(ea.recursiveDifference(eb)));
        expect(x.equals(y)).toBe(ea.equals(eb));
      }
      const probe: Path = [randomPE(r), randomPE(r)];
      expect(both(a)[0].has(probe)).toBe(ea.has(probe));
      expect(both(a)[0].withPrefix(probe[0]).paths().map(pathString)).toEqual(ea.withPrefix(probe[0]).paths().map(pathString));
      expect(show(both(a)[0])).toBe(show(ea));
    }
  });

  it('give back the very FieldsV1 object they came from while untouched', () => {
    const json = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } };
    const lazy = FieldSet.lazy(json);
    expect(lazy.toFieldsV1()).toBe(json);
    // An operation that never looks below the top level keeps the subtrees' objects.
    const status = FieldSet.of([fieldPE('status'), fieldPE('phase')]);
    const u = lazy.union(status).toFieldsV1();
    expect(u['f:metadata']).toBe(json['f:metadata']);
    expect(u['f:spec']).toBe(json['f:spec']);
    expect(u['f:status']).toEqual({ 'f:phase': {} });
    expect(lazy.difference(status)).toBe(lazy);
    expect(lazy.intersection(status).empty()).toBe(true);
  });

  it('read an empty object as the empty set', () => {
    const lazy = FieldSet.lazy({});
    expect(lazy.empty()).toBe(true);
    expect(lazy.paths()).toEqual([]);
    expect(FieldSet.of([fieldPE('a')]).union(lazy).paths().map(pathString)).toEqual(['.a']);
  });
});
