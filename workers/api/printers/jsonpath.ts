/**
 * The JSONPath subset CRD additionalPrinterColumns use, evaluated the way
 * client-go's jsonpath does with AllowMissingKeys(true): `.a.b`, `['a.b']`,
 * `[0]`, `[-1]`, `[*]`, `.*` and filters `[?(@.type=="Ready")]` (==, !=, <,
 * <=, >, >= against a string, number or boolean literal, or `[?(@.x)]` for
 * existence). Results are every match, in document order.
 */

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: Step[]; op?: string; value?: unknown };

export type JsonPathResult = { ok: true; steps: Step[] } | { ok: false; error: string };

const IDENT = /^[A-Za-z0-9_\-$]+/;

function parseSteps(src: string, allowFilter: boolean): Step[] | string {
  const steps: Step[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '.') {
      i++;
      if (src[i] === '*') {
        steps.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      const m = IDENT.exec(src.slice(i));
      if (!m) {
        if (i >= src.length) break; // a lone trailing '.' (e.g. `{.}`) selects the current node
        return `unrecognized character in action: ${JSON.stringify(src[i])}`;
      }
      steps.push({ kind: 'field', name: m[0] });
      i += m[0].length;
    } else if (ch === '[') {
      const close = findClose(src, i);
      if (close < 0) return 'unclosed array expect ]';
      const inner = src.slice(i + 1, close).trim();
      i = close + 1;
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) steps.push({ kind: 'field', name: quoted[2] });
      else if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (allowFilter && inner.startsWith('?(') && inner.endsWith(')')) {
        const f = parseFilter(inner.slice(2, -1).trim());
        if (typeof f === 'string') return f;
        steps.push(f);
      } else return `invalid array index ${inner}`;
    } else {
      return `unrecognized character in action: ${JSON.stringify(ch)}`;
    }
  }
  return steps;
}

function findClose(src: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let j = open; j < src.length; j++) {
    const c = src[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  return -1;
}

function parseLiteral(text: string): unknown | typeof NOT_LITERAL {
  const q = /^(['"])(.*)\1$/.exec(text);
  if (q) return q[2];
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return NOT_LITERAL;
}
const NOT_LITERAL = Symbol('not a literal');

function parseFilter(expr: string): Step | string {
  const m = /^@((?:\.[A-Za-z0-9_\-$]+|\[[^\]]*\])*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/.exec(expr);
  if (!m) return `unrecognized filter: ${expr}`;
  const path = parseSteps(m[1], false);
  if (typeof path === 'string') return path;
  if (!m[2]) return m[3] ? `unrecognized filter: ${expr}` : { kind: 'filter', path };
  const value = parseLiteral(m[3].trim());
  if (value === NOT_LITERAL) return `unrecognized filter value: ${m[3]}`;
  return { kind: 'filter', path, op: m[2], value };
}

/** Parses `.spec.replicas` or `{.spec.replicas}`. */
export function parseJsonPath(path: string): JsonPathResult {
  let src = path.trim();
  if (src.startsWith('{') && src.endsWith('}')) src = src.slice(1, -1).trim();
  if (src.startsWith('$')) src = src.slice(1);
  if (src === '') return { ok: false, error: 'empty JSONPath' };
  const steps = parseSteps(src, true);
  return typeof steps === 'string' ? { ok: false, error: steps } : { ok: true, steps };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function apply(nodes: unknown[], step: Step): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    switch (step.kind) {
      case 'field':
        if (isObject(node) && step.name in node) out.push(node[step.name]);
        break;
      case 'index':
        if (Array.isArray(node)) {
          const i = step.index < 0 ? node.length + step.index : step.index;
          if (i >= 0 && i < node.length) out.push(node[i]);
        }
        break;
      case 'wildcard':
        if (Array.isArray(node)) out.push(...node);
        else if (isObject(node)) for (const k of Object.keys(node).sort()) out.push(node[k]);
        break;
      case 'filter':
        if (Array.isArray(node)) {
          for (const item of node) {
            const found = evaluate(step.path, item);
            if (step.op === undefined ? found.length > 0 : found.some((v) => compare(v, step.op!, step.value))) out.push(item);
          }
        }
        break;
    }
  }
  return out;
}

function evaluate(steps: Step[], data: unknown): unknown[] {
  let nodes: unknown[] = [data];
  for (const step of steps) nodes = apply(nodes, step);
  return nodes;
}

/** Every match of a parsed path; empty when a key is missing. */
export function findResults(parsed: Extract<JsonPathResult, { ok: true }>, data: unknown): unknown[] {
  return evaluate(parsed.steps, data);
}
