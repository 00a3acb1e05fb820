/**
 * Keyboard shortcuts: a key press becomes a chord string (`Shift+P`, `Space`,
 * `f`) and is looked up in the bindings the actions declare.
 */
import { ACTIONS } from './registry';
import type { ActionId, ActionInputs } from './types';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type ShortcutHit = { [Id in ActionId]: { id: Id; input: ActionInputs[Id] } }[ActionId];

/** The chord a key press spells; letters are named in lower case with `Shift+` spelled out. */
export function chordOf(e: KeyLike): string {
  let key = e.key === ' ' ? 'Space' : e.key;
  const parts: string[] = [];
  if (e.ctrlKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.metaKey) parts.push('Meta');
  if (key.length === 1 && /[a-z]/i.test(key)) {
    if (e.shiftKey) parts.push('Shift');
    key = e.shiftKey ? key.toUpperCase() : key.toLowerCase();
  } else if (e.shiftKey && key.length > 1) {
    parts.push('Shift');
  }
  parts.push(key);
  return parts.join('+');
}

/** Chord → action and input, from every action's bindings. Two actions on one chord is a programming error. */
export function buildShortcutTable(): ReadonlyMap<string, ShortcutHit> {
  const table = new Map<string, ShortcutHit>();
  for (const id of Object.keys(ACTIONS) as ActionId[]) {
    for (const b of ACTIONS[id].shortcuts ?? []) {
      if (table.has(b.keys)) throw new Error(`shortcut ${b.keys} is bound twice`);
      table.set(b.keys, { id, input: b.input } as ShortcutHit);
    }
  }
  return table;
}

/** Where typing must not trigger shortcuts: text fields, selects, Monaco, contenteditable. */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if ((el as HTMLElement).isContentEditable) return true;
  return el.closest('.monaco-editor, [data-shortcuts="off"]') !== null;
}

/** Space and Enter already activate a focused button, link or graph node: leave them that job. */
export function ownsActivationKeys(el: Element | null): boolean {
  if (!el) return false;
  return el.closest('button, a[href], [role="button"], [role="tab"], [role="checkbox"], summary, .react-flow__node') !== null;
}

export function shortcutFor(table: ReadonlyMap<string, ShortcutHit>, e: KeyLike, target: Element | null): ShortcutHit | undefined {
  if (isTypingTarget(target)) return undefined;
  const chord = chordOf(e);
  if ((chord === 'Space' || chord === 'Enter') && ownsActivationKeys(target)) return undefined;
  return table.get(chord);
}

/** How a binding reads in a tooltip: `Shift+P`, `Space`, `F`. */
export function describeKeys(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k.length === 1 ? k.toUpperCase() : k === 'Escape' ? 'Esc' : k))
    .join('+');
}

export function shortcutHint(id: ActionId): string | undefined {
  const first = ACTIONS[id].shortcuts?.[0];
  return first ? describeKeys(first.keys) : undefined;
}
