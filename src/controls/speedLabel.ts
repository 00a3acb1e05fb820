import type { ClockMode } from '../../workers/clock/driver';

/** How the header names the clock's mode: `Paused`, `1×`, `10×`, `As fast as possible`. */
export function clockModeLabel(mode: ClockMode): string {
  if (mode.kind === 'paused') return 'Paused';
  if (mode.kind === 'fastest') return 'As fast as possible';
  return `${Number(mode.speed.toPrecision(3))}×`;
}

/** Virtual time as the header shows it: UTC wall-clock of the cluster, HH:MM:SS. */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--:--';
  return new Date(ms).toISOString().slice(11, 19);
}
