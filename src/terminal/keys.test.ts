import { describe, it, expect } from 'vitest';
import { decodeInput } from './keys';

describe('decodeInput', () => {
  it('decodes arrows, Home/End variants and control keys', () => {
    expect(decodeInput('\x1b[A')).toEqual([{ kind: 'historyPrev' }]);
    expect(decodeInput('\x1b[D')).toEqual([{ kind: 'edit', command: 'left' }]);
    expect(decodeInput('\x1bOH')).toEqual([{ kind: 'edit', command: 'home' }]);
    expect(decodeInput('\x1b[4~')).toEqual([{ kind: 'edit', command: 'end' }]);
    expect(decodeInput('\x1b[3~')).toEqual([{ kind: 'edit', command: 'delete' }]);
    expect(decodeInput('\x1b[1;5D')).toEqual([{ kind: 'edit', command: 'wordLeft' }]);
    expect(decodeInput('\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(decodeInput('\x0c')).toEqual([{ kind: 'clearScreen' }]);
    expect(decodeInput('\x15')).toEqual([{ kind: 'edit', command: 'killBefore' }]);
    expect(decodeInput('\x17')).toEqual([{ kind: 'edit', command: 'killWordBefore' }]);
    expect(decodeInput('\x0b')).toEqual([{ kind: 'edit', command: 'killAfter' }]);
    expect(decodeInput('\x7f')).toEqual([{ kind: 'edit', command: 'backspace' }]);
    expect(decodeInput('\t')).toEqual([{ kind: 'tab' }]);
    expect(decodeInput('\r')).toEqual([{ kind: 'enter' }]);
  });

  it('splits a pasted block into lines, with tabs as spaces', () => {
    expect(decodeInput('kubectl get pods\rkubectl get\tnodes\r\nx')).toEqual([
      { kind: 'text', text: 'kubectl get pods' },
      { kind: 'enter' },
      { kind: 'text', text: 'kubectl get nodes' },
      { kind: 'enter' },
      { kind: 'text', text: 'x' },
    ]);
  });

  it('drops unknown escape sequences and stray control characters', () => {
    expect(decodeInput('\x1b[15~')).toEqual([]);
    expect(decodeInput('a\x00\x07b')).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(decodeInput('')).toEqual([]);
  });
});
