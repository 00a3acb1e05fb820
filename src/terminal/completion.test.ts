import { describe, it, expect } from 'vitest';
import { applyCompletion, commonPrefix, formatCandidates } from './completion';
import { lineOf } from './lineEditor';

describe('applyCompletion', () => {
  it('completes a single candidate and adds a space', () => {
    expect(applyCompletion(lineOf('kubectl get po'), { from: 12, candidates: ['pods'] })).toEqual({ kind: 'complete', line: { text: 'kubectl get pods ', cursor: 17 } });
  });

  it('adds no space after a flag ending in = or a directory, nor before an existing space', () => {
    expect(applyCompletion(lineOf('kubectl get pods --out'), { from: 17, candidates: ['--output='] })).toMatchObject({ line: { text: 'kubectl get pods --output=' } });
    expect(applyCompletion(lineOf('kubectl apply -f ex'), { from: 17, candidates: ['examples/'] })).toMatchObject({ line: { text: 'kubectl apply -f examples/' } });
    expect(applyCompletion(lineOf('kubectl get po -o wide', 14), { from: 12, candidates: ['pods'] })).toEqual({ kind: 'complete', line: { text: 'kubectl get pods -o wide', cursor: 17 } });
  });

  it('extends to the common prefix when several match, and reports when it could not', () => {
    expect(applyCompletion(lineOf('kubectl get pods w'), { from: 17, candidates: ['web-1', 'web-2', 'worker'] })).toEqual({
      kind: 'ambiguous',
      line: { text: 'kubectl get pods w', cursor: 18 },
      candidates: ['web-1', 'web-2', 'worker'],
      extended: false,
    });
    expect(applyCompletion(lineOf('kubectl get pods we'), { from: 17, candidates: ['web-2', 'web-1'] })).toMatchObject({ kind: 'ambiguous', line: { text: 'kubectl get pods web-' }, candidates: ['web-1', 'web-2'], extended: true });
  });

  it('ignores candidates that do not match what was typed, and empty answers', () => {
    expect(applyCompletion(lineOf('kubectl get x'), { from: 12, candidates: ['pods'] })).toEqual({ kind: 'none' });
    expect(applyCompletion(lineOf('kubectl get '), { from: 12, candidates: [] })).toEqual({ kind: 'none' });
    expect(commonPrefix([])).toBe('');
  });
});

describe('formatCandidates', () => {
  it('lays candidates out in columns, sorted down each column', () => {
    const words = ['configmaps', 'cronjobs', 'daemonsets', 'deployments', 'events', 'jobs', 'nodes'];
    // 11 wide + 2 gap = 13 per column; 40 columns fit 3.
    expect(formatCandidates(words, 40)).toBe(['configmaps   deployments  nodes', 'cronjobs     events', 'daemonsets   jobs', ''].join('\n'));
  });

  it('puts one per line when the terminal is narrow, and nothing for none', () => {
    expect(formatCandidates(['alpha', 'beta'], 3)).toBe('alpha\nbeta\n');
    expect(formatCandidates([], 80)).toBe('');
  });
});
