import { describe, it, expect } from 'vitest';
import { unmirrored } from './useEnsureMirrored';
import { BROWSER_KINDS } from './resourceKinds';

describe('unmirrored', () => {
  it('leaves out kinds the shell mirrors and kinds already started', () => {
    const shell = new Set(['Pod', 'Node', 'Namespace', 'Event']);
    const missing = unmirrored(BROWSER_KINDS, new Set(['Secret']), (k) => shell.has(k)).map((s) => s.kind);
    expect(missing).not.toContain('Pod');
    expect(missing).not.toContain('Secret');
    expect(missing).toContain('ConfigMap');
    expect(missing).toHaveLength(20 - 4 - 1);
  });

  it('starts nothing when everything is mirrored', () => {
    expect(unmirrored(BROWSER_KINDS, new Set(), () => true)).toEqual([]);
    expect(unmirrored([], new Set(), () => false)).toEqual([]);
  });
});
