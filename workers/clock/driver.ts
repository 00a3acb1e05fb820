import type { Clock } from './clock';

export type ClockMode =
  | { kind: 'paused' }
  | { kind: 'realtime'; speed: number }
  | { kind: 'fastest' };

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** Wall-clock time source, injectable so tests never sleep. */
export interface WallClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemWallClock: WallClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Longest slice of wall time spent running tasks before yielding (keeps the worker responsive). */
const SLICE_MS = 12;
/** Idle tick: virtual time keeps flowing while no task is due. */
const IDLE_TICK_MS = 250;

/**
 * Drives a Clock from wall time: paused, real time × speed, or as fast as
 * possible. Stepping is done on the Clock itself while paused.
 */
export class ClockDriver {
  private handle: unknown = null;
  /** Wall time the pending wake-up is set for. */
  private wakeAt = Number.POSITIVE_INFINITY;
  private ticking = false;
  private wallBase = 0;
  private virtualBase = 0;
  private modeValue: ClockMode = { kind: 'paused' };

  constructor(
    private readonly clock: Clock,
    private readonly wall: WallClock = systemWallClock,
  ) {
    clock.onEarliest = (at) => this.earlier(at);
  }

  get mode(): ClockMode {
    return this.modeValue;
  }

  setMode(mode: ClockMode): void {
    if (mode.kind === 'realtime') {
      mode = { kind: 'realtime', speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, mode.speed)) };
    }
    this.stop();
    this.modeValue = mode;
    this.wallBase = this.wall.now();
    this.virtualBase = this.clock.now();
    if (mode.kind !== 'paused') this.wake(0);
  }

  stop(): void {
    if (this.handle !== null) this.wall.clearTimeout(this.handle);
    this.handle = null;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  private wake(ms: number): void {
    this.stop();
    this.wakeAt = this.wall.now() + ms;
    this.handle = this.wall.setTimeout(() => this.tick(), ms);
  }

  /**
   * Work arrived from outside the loop (an API request, a chaos action) that
   * is due before the planned wake-up: wake for it, so what a user applies
   * starts at once rather than after an idle tick. Inside a tick the tick
   * plans its own wake-up.
   */
  private earlier(at: number): void {
    const mode = this.modeValue;
    if (this.ticking || mode.kind === 'paused') return;
    const wallNow = this.wall.now();
    const delay = mode.kind === 'fastest' ? 0 : Math.max(0, (at - (this.virtualBase + (wallNow - this.wallBase) * mode.speed)) / mode.speed);
    if (wallNow + delay < this.wakeAt) this.wake(delay);
  }

  private tick(): void {
    this.handle = null;
    this.wakeAt = Number.POSITIVE_INFINITY;
    this.ticking = true;
    try {
      this.runSlice();
    } finally {
      this.ticking = false;
    }
  }

  private runSlice(): void {
    const mode = this.modeValue;
    const sliceEnd = this.wall.now() + SLICE_MS;
    if (mode.kind === 'fastest') {
      while (this.wall.now() < sliceEnd && this.clock.step()) {
        /* run */
      }
      this.wake(this.clock.pending() ? 0 : IDLE_TICK_MS);
      if (!this.clock.pending()) this.clock.advanceTo(this.clock.now() + IDLE_TICK_MS);
      return;
    }
    if (mode.kind !== 'realtime') return;
    const target = this.virtualBase + (this.wall.now() - this.wallBase) * mode.speed;
    while (this.wall.now() < sliceEnd) {
      const next = this.clock.nextAt();
      if (next === undefined || next > target) break;
      this.clock.step();
    }
    this.clock.advanceTo(target);
    const next = this.clock.nextAt();
    if (next !== undefined && next <= target) {
      this.wake(0); // behind schedule: keep going after yielding
      return;
    }
    const untilNext = next === undefined ? IDLE_TICK_MS : (next - this.clock.now()) / mode.speed;
    this.wake(Math.max(1, Math.min(IDLE_TICK_MS, untilNext)));
  }
}
