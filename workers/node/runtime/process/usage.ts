/**
 * Resource use of a container: an idle baseline per image, what the
 * program declares (stress, bignum), CPU work done recently (requests
 * served, busy loops), and seeded noise that changes every 15 s — a pure
 * function of time, so reading it schedules nothing.
 */

const NOISE_PERIOD_MS = 15_000;
const CPU_WINDOW_MS = 10_000;
export const MI = 1024 * 1024;

function hash(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Shared stand-ins for "no declared load" and "no recent work": most containers never get either. */
const NO_LOAD: { memoryBytes?: number; cpuMillis?: number } = Object.freeze({});
const NO_WORK: readonly { at: number; ms: number }[] = Object.freeze([]);

export class Usage {
  private load: { memoryBytes?: number; cpuMillis?: number } = NO_LOAD;
  /** Never mutated while it is NO_WORK (addWork replaces it first). */
  private work = NO_WORK as { at: number; ms: number }[];

  constructor(
    private readonly base: { memoryMi: number; cpuMilli: number },
    private readonly seed: number,
    private readonly startedAt: number,
  ) {}

  setLoad(load: { memoryBytes?: number; cpuMillis?: number }): void {
    this.load = load;
  }

  addWork(now: number, ms: number): void {
    if (this.work === NO_WORK) this.work = [];
    this.work.push({ at: now, ms });
    this.prune(now);
  }

  private prune(now: number): void {
    let i = 0;
    while (i < this.work.length && this.work[i].at <= now - CPU_WINDOW_MS) i++;
    if (i) this.work.splice(0, i);
  }

  private noise(now: number, salt: number): number {
    return hash(this.seed + salt, Math.floor((now - this.startedAt) / NOISE_PERIOD_MS));
  }

  /** Memory without noise: what the OOM check compares with the limit. */
  expectedMemoryBytes(): number {
    return this.base.memoryMi * MI + (this.load.memoryBytes ?? 0);
  }

  memoryBytes(now: number): number {
    // Resident memory drifts a few percent around its level.
    return Math.round(this.expectedMemoryBytes() * (0.97 + 0.06 * this.noise(now, 1)));
  }

  /** CPU the container asks for (millicores, no noise, no limit): what CFS throttling compares with the quota. */
  demandMillis(now: number): number {
    this.prune(now);
    const recent = this.work.reduce((n, w) => n + w.ms, 0);
    return this.base.cpuMilli + (this.load.cpuMillis ?? 0) + (recent / CPU_WINDOW_MS) * 1000;
  }

  cpuMillis(now: number, limit?: number): number {
    const level = this.demandMillis(now);
    const noisy = level * (0.9 + 0.2 * this.noise(now, 2));
    const rounded = Math.round(noisy);
    return limit !== undefined ? Math.min(rounded, limit) : rounded;
  }
}
