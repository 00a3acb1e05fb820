/**
 * The "what just happened" sentence after a step: the narration of the entry
 * that mattered, with how much else ran on the way when that was more than one task.
 */
import type { StepRequest, StepResult } from '../../../workers/timeline/types';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Virtual duration for a sentence: `450 ms`, `12.5 s`, `3 min 20 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}

export function stepNarration(kind: StepRequest['kind'], r: StepResult, startedAt?: number): string {
  const last = r.entries.at(-1);
  if (r.ran === 0 || !last) return r.stopped === 'idle' ? 'Nothing to run: no task is due.' : 'Nothing ran.';
  const took = startedAt !== undefined ? ` in ${formatDuration(r.now - startedAt)} of cluster time` : '';
  if (kind === 'idle') {
    const how = r.stopped === 'limit' ? 'stopped at the limit' : 'until idle';
    return `Ran ${plural(r.ran, 'task')}${took} ${how}. Last: ${last.narration}`;
  }
  if (r.ran === 1) return last.narration;
  const before = r.ran - 1;
  if (kind === 'write') return `${last.narration} (after ${plural(before, 'task')} that wrote nothing)`;
  if (r.stopped === 'done') return `${last.narration} (after ${plural(before, 'other task')})`;
  const why = r.stopped === 'idle' ? 'the cluster went idle' : 'the step limit was reached';
  return `Ran ${plural(r.ran, 'task')}; ${why} first. Last: ${last.narration}`;
}
