import { describe, it, expect } from 'vitest';
import { formatDuration, stepNarration } from './stepNarration';
import { entry } from './fixtures';

const result = (n: number, stopped: 'done' | 'idle' | 'limit' = 'done') => ({
  entries: Array.from({ length: Math.min(n, 3) }, (_, i) => entry(i + 1, { narration: `sentence ${i + 1}`, time: 1000 + i * 500 })),
  ran: n,
  stopped,
  now: 1000 + (n - 1) * 500,
  revision: 10,
});

describe('stepNarration', () => {
  it('one task: its own sentence', () => {
    expect(stepNarration('task', result(1))).toBe('sentence 1');
  });

  it('to the next write: the writing entry, and how many ran before it', () => {
    expect(stepNarration('write', result(3))).toBe('sentence 3 (after 2 tasks that wrote nothing)');
    expect(stepNarration('write', result(2))).toBe('sentence 2 (after 1 task that wrote nothing)');
  });

  it('until an object changes: done, or why it stopped first', () => {
    expect(stepNarration('object', result(3))).toBe('sentence 3 (after 2 other tasks)');
    expect(stepNarration('object', result(3, 'idle'))).toBe('Ran 3 tasks; the cluster went idle first. Last: sentence 3');
    expect(stepNarration('object', result(3, 'limit'))).toBe('Ran 3 tasks; the step limit was reached first. Last: sentence 3');
  });

  it('until idle: how much ran and for how long', () => {
    expect(stepNarration('idle', result(3, 'idle'), 1000)).toBe('Ran 3 tasks in 1 s of cluster time until idle. Last: sentence 3');
    expect(stepNarration('idle', result(3, 'limit'))).toBe('Ran 3 tasks stopped at the limit. Last: sentence 3');
  });

  it('nothing to run', () => {
    expect(stepNarration('task', { entries: [], ran: 0, stopped: 'idle', now: 0, revision: 1 })).toBe('Nothing to run: no task is due.');
    expect(stepNarration('task', { entries: [], ran: 0, stopped: 'limit', now: 0, revision: 1 })).toBe('Nothing ran.');
  });

  it('formats durations', () => {
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(-1)).toBe('0 ms');
  });
});
