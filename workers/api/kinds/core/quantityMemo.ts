/**
 * Parsed and canonical quantities, remembered: every pod of a template
 * carries the same few request and limit strings, and defaulting,
 * validation and QoS each parse them again. Quantities are never changed
 * once parsed, so one parse serves every caller. Bounded.
 */
import { type Quantity, canonicalQuantity, parseQuantity } from '../../validation/quantity';

const MAX = 10_000;
const parsed = new Map<string | number, Quantity | null>();
const canonical = new Map<string | number, unknown>();

/** parseQuantity, remembered. */
export function parseQuantityMemo(raw: string | number): Quantity | undefined {
  const hit = parsed.get(raw);
  if (hit !== undefined) return hit ?? undefined;
  const q = parseQuantity(raw);
  if (parsed.size >= MAX) parsed.clear();
  parsed.set(raw, q ?? null);
  return q;
}

/** canonicalQuantity, remembered. */
export function canonicalQuantityMemo(v: unknown): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return v;
  if (canonical.has(v)) return canonical.get(v);
  const c = canonicalQuantity(v);
  if (canonical.size >= MAX) canonical.clear();
  canonical.set(v, c);
  return c;
}
