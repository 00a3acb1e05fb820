/**
 * Finds where a field path points in a parsed YAML document, so an API error
 * about `spec.template.spec.containers[0].image` lands on the `image:` line.
 * When the path leads to a field that is not written (a missing required
 * value), it stops at the deepest part that is written.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { PathStep } from './fieldPath';

export interface Located {
  /** Offsets into the source text: the key (and a scalar value) of the field, or the list item. */
  start: number;
  end: number;
  /** Every step was found. */
  exact: boolean;
  /** How many steps were followed. */
  depth: number;
}

/** Where `steps` points under `root` (a document's contents); undefined when root has no range. */
export function locatePath(root: Node | null | undefined, steps: readonly PathStep[]): Located | undefined {
  if (!root?.range) return undefined;
  let node: Node | null | undefined = root;
  let at = { start: root.range[0], end: root.range[0] };
  let depth = 0;
  for (const step of steps) {
    const next = follow(node, step);
    if (!next) return { ...at, exact: false, depth };
    node = next.node;
    at = next.span;
    depth++;
  }
  return { ...at, exact: true, depth };
}

type Hop = { node: Node | null | undefined; span: { start: number; end: number } };

function follow(node: Node | null | undefined, step: PathStep): Hop | undefined {
  if (isMap(node)) {
    const key = step.kind === 'field' ? step.name : step.kind === 'key' ? step.key : step.kind === 'index' ? String(step.index) : undefined;
    if (key === undefined) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    return pair ? pairHop(pair) : undefined;
  }
  if (isSeq(node)) {
    const items = node.items as Array<Node | Pair | null>;
    let item: Node | null | undefined;
    if (step.kind === 'index') item = asNode(items[step.index]);
    else if (step.kind === 'match') item = items.map(asNode).find((it) => isMap(it) && matches(it.toJSON() as Record<string, unknown>, step.fields));
    else if (step.kind === 'value') item = items.map(asNode).find((it) => isScalar(it) && it.value === step.value);
    if (!item?.range) return undefined;
    return { node: item, span: { start: item.range[0], end: item.range[1] } };
  }
  return undefined;
}

function asNode(v: Node | Pair | null | undefined): Node | null | undefined {
  return isPair(v) ? null : v;
}

function pairHop(pair: Pair): Hop | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  const end = isScalar(value) && value.range ? value.range[1] : key.range[1];
  return { node: value, span: { start: key.range[0], end } };
}

function matches(obj: Record<string, unknown> | null, fields: Record<string, unknown>): boolean {
  if (!obj || typeof obj !== 'object') return false;
  return Object.entries(fields).every(([k, v]) => obj[k] === v);
}
