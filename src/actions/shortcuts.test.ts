import { describe, it, expect } from 'vitest';
import { buildShortcutTable, chordOf, describeKeys, shortcutFor } from './shortcuts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('chordOf', () => {
  it('names letters in lower case and spells out Shift', () => {
    expect(chordOf(key('f'))).toBe('f');
    expect(chordOf(key('P', { shiftKey: true }))).toBe('Shift+P');
    expect(chordOf(key('p', { shiftKey: true }))).toBe('Shift+P');
    expect(chordOf(key('F'))).toBe('f');
  });

  it('names space and modifiers', () => {
    expect(chordOf(key(' '))).toBe('Space');
    expect(chordOf(key('Enter', { ctrlKey: true }))).toBe('Ctrl+Enter');
    expect(chordOf(key('1'))).toBe('1');
  });
});

describe('shortcut table', () => {
  const table = buildShortcutTable();

  it('maps the documented keys to actions with their inputs', () => {
    expect(table.get('Space')).toEqual({ id: 'togglePause', input: undefined });
    expect(table.get('2')).toEqual({ id: 'setSpeed', input: { speed: 10 } });
    expect(table.get('3')).toEqual({ id: 'setSpeed', input: { speed: 100 } });
    expect(table.get('Shift+P')?.id).toBe('togglePresenter');
    expect(table.get('Escape')).toEqual({ id: 'select', input: null });
    expect(table.get('f')?.id).toBe('fitGraph');
    expect(table.get('Delete')?.id).toBe('deleteObject');
  });

  it('has nothing on unbound keys or with Ctrl held', () => {
    expect(shortcutFor(table, key('z'), null)).toBeUndefined();
    expect(shortcutFor(table, key('f', { ctrlKey: true }), null)).toBeUndefined();
  });

  it('finds a binding when focus is nowhere special', () => {
    expect(shortcutFor(table, key('t'), null)?.id).toBe('toggleTheme');
  });
});

describe('describeKeys', () => {
  it('reads like a tooltip hint', () => {
    expect(describeKeys('f')).toBe('F');
    expect(describeKeys('Shift+P')).toBe('Shift+P');
    expect(describeKeys('Escape')).toBe('Esc');
  });
});

describe('where shortcuts do not fire', () => {
  const el = (tagName: string, closestMatches: string[] = [], editable = false) =>
    ({
      tagName,
      isContentEditable: editable,
      closest: (sel: string) => (closestMatches.some((m) => sel.includes(m)) ? {} : null),
    }) as unknown as Element;
  const table = buildShortcutTable();

  it('ignores typing in fields, Monaco and contenteditable', () => {
    expect(shortcutFor(table, key('t'), el('INPUT'))).toBeUndefined();
    expect(shortcutFor(table, key('t'), el('TEXTAREA'))).toBeUndefined();
    expect(shortcutFor(table, key('t'), el('DIV', ['.monaco-editor']))).toBeUndefined();
    expect(shortcutFor(table, key('t'), el('DIV', [], true))).toBeUndefined();
    expect(shortcutFor(table, key('t'), el('DIV'))?.id).toBe('toggleTheme');
  });

  it('leaves Space to a focused button, but not other keys', () => {
    expect(shortcutFor(table, key(' '), el('BUTTON', ['button']))).toBeUndefined();
    expect(shortcutFor(table, key('f'), el('BUTTON', ['button']))?.id).toBe('fitGraph');
    expect(shortcutFor(table, key(' '), el('DIV'))?.id).toBe('togglePause');
  });
});
