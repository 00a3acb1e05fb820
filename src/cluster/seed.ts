/**
 * Cluster options from the page URL. `?seed=42` picks the PRNG seed, so a
 * learner can share a link that replays the same history; `?nodes=10` sets the
 * number of worker nodes (a bigger cluster for a workshop or a 1,000-pod demo).
 * Anything malformed is ignored and the cluster uses its default.
 */
function intParam(search: string, name: string): number | undefined {
  const raw = new URLSearchParams(search).get(name);
  if (raw === null || !/^\d{1,10}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export function seedFromSearch(search: string): number | undefined {
  const seed = intParam(search, 'seed');
  return seed !== undefined && seed <= 0xffffffff ? seed : undefined;
}

/** Worker nodes besides the control plane: 0–50 (each runs a simulated kubelet). */
export const MAX_WORKER_NODES = 50;

export function nodesFromSearch(search: string): number | undefined {
  const n = intParam(search, 'nodes');
  return n !== undefined && n <= MAX_WORKER_NODES ? n : undefined;
}
