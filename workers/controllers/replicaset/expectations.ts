/**
 * What a controller still expects to observe after its own creates and
 * deletes, so it does not act twice while its cache lags
 * (pkg/controller/controller_utils.go ControllerExpectations and
 * UIDTrackingControllerExpectations). Deletions are tracked by pod key, so
 * each is counted once whether it shows up as a deletionTimestamp or a delete.
 */

/** ExpectationsTimeout: stale expectations stop blocking a sync after five minutes. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectee {
  add: number;
  del: number;
  at: number;
}

export class ControllerExpectations {
  private readonly byKey = new Map<string, Expectee>();
  private readonly deleting = new Map<string, Set<string>>();

  constructor(private readonly now: () => number) {}

  /** True when `key` may act: nothing pending, everything observed, or expired. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.byKey.set(key, { add: n, del: 0, at: this.now() });
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.deleting.set(key, new Set(podKeys));
    this.byKey.set(key, { add: 0, del: podKeys.length, at: this.now() });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string, podKey: string): void {
    const pending = this.deleting.get(key);
    if (!pending?.has(podKey)) return;
    pending.delete(podKey);
    const e = this.byKey.get(key);
    if (e) e.del--;
  }

  delete(key: string): void {
    this.byKey.delete(key);
    this.deleting.delete(key);
  }

  /** Pending counts, for narration and tests. */
  pending(key: string): { add: number; del: number } | undefined {
    const e = this.byKey.get(key);
    return e ? { add: e.add, del: e.del } : undefined;
  }
}
