import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../openapi/definitions';
import type { Definitions } from '../openapi/types';
import { decodeObject, type FieldValidation } from './decode';
import { mutate, otherObjects, pick, seeded, storedPod } from '../fieldmanager/randomObjects';

let defs: Definitions;
beforeAll(async () => {
  defs = await loadDefinitions();
});

describe('decoding skips plain leaves', () => {
  it('with the same errors, warnings and pruning as a walk of every value', () => {
    const r = seeded(3);
    const seeds = [{ gvk: { group: '', version: 'v1', kind: 'Pod' }, obj: storedPod(0) }, ...otherObjects()];
    let failed = 0;
    let warned = 0;
    for (let i = 0; i < 3000; i++) {
      const { gvk, obj } = pick(r, seeds);
      const body = mutate(r, obj, 1 + Math.floor(r() * 5));
      // Out-of-range and fractional numbers where integers go, too.
      if (r() < 0.2) (body as Record<string, unknown>).spec = { ...((body.spec as object) ?? {}), replicas: pick(r, [2 ** 31, 1.5, -1, 'x']), priority: pick(r, [2 ** 40, 3]) };
      const mode = pick(r, ['Strict', 'Warn', 'Ignore'] as FieldValidation[]);
      const prune = r() < 0.5;
      const a = structuredClone(body);
      const b = structuredClone(body);
      const fast = decodeObject(defs, gvk, a, mode, { prune });
      const general = decodeObject(defs, gvk, b, mode, { prune, general: true });
      expect(fast).toEqual(general);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      if (general.errors.length) failed++;
      if (general.warnings.length) warned++;
    }
    expect(failed).toBeGreaterThan(100);
    expect(warned).toBeGreaterThan(100);
  });
});
