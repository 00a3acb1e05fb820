/**
 * Per-item exponential back-off without jitter, as the kubelet's
 * flowcontrol.Backoff (staging/src/k8s.io/client-go/util/flowcontrol/backoff.go).
 * An entry not updated for twice the maximum is considered stable again:
 * that is how a container that ran for ten minutes gets its back-off reset.
 */
interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  /** Current back-off of `id` (0 when none). */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** Move `id` to its next back-off step, or start it over when it was stable at `eventTime`. */
  next(id: string, eventTime: number): void {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) {
      this.entries.set(id, { backoff: this.initialMs, lastUpdate: this.now() });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.maxMs);
    e.lastUpdate = this.now();
  }

  /** Is `id` still backing off, counting from `eventTime` (a container's finish time)? */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return this.now() - eventTime < e.backoff;
  }

  /** Is `id` still backing off, counting from its last update (image pulls)? */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return eventTime - e.lastUpdate < e.backoff;
  }

  /** When the back-off of `id` started at `from` ends (virtual ms), if it has one. */
  endsAt(id: string, from?: number): number | undefined {
    const e = this.entries.get(id);
    return e ? (from ?? e.lastUpdate) + e.backoff : undefined;
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  /** Forget entries that have been stable long enough. */
  gc(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (now - e.lastUpdate > 2 * this.maxMs) this.entries.delete(id);
  }

  private hasExpired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.maxMs;
  }
}
