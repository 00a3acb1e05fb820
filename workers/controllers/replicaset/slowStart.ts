/**
 * slowStartBatch (pkg/controller/replicaset/replica_set.go): call `fn`
 * `count` times in batches of 1, 2, 4, …; every call of a batch runs, and a
 * batch with any failure stops the rest. Upstream runs a batch's calls
 * concurrently; here they run in order, which the virtual clock sees as the
 * same instant.
 */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export function slowStartBatch(count: number, initialBatchSize: number, fn: () => string | undefined): { successes: number; error?: string } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: string | undefined;
    let failures = 0;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err !== undefined) {
        failures++;
        firstError ??= err;
      }
    }
    successes += batch - failures;
    if (failures > 0) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}
