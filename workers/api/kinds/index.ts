/** The registry of built-in kinds: names from `builtin.ts` joined with strategy hooks and printers. */
import { BUILTIN_NAMES, singularOf } from './builtin';
import { Registry } from './registry';
import type { ResourceType } from './types';

export function buildRegistry(): Registry {
  const registry = new Registry();
  for (const names of BUILTIN_NAMES) {
    const rt: ResourceType = { singular: singularOf(names.kind), ...names };
    registry.add(rt);
  }
  return registry;
}
