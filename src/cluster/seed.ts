/**
 * `?seed=42` in the page URL picks the cluster's PRNG seed, so a learner can
 * share a link that replays the same history. Anything but a non-negative
 * integer is ignored (the cluster then uses its default seed).
 */
export function seedFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d{1,10}$/.test(raw.trim())) return undefined;
  const seed = Number(raw.trim());
  return seed <= 0xffffffff ? seed : undefined;
}
