/**
 * Evaluates a parsed template over decoded JSON the way client-go's
 * util/jsonpath/jsonpath.go does (FindResults, range/end bookkeeping,
 * filters with text/template's comparison rules, PrintResults). Go iterates
 * maps in random order for `*` and `..`; we use sorted keys so output is
 * stable.
 */
import { GoByte, GoFloat, goJson, goJsonIndent, goKind, goTypeName, isMap, sortedKeys, sprintV, type GoKind } from './goValue';
import type { JpNode, ListNode } from './parser';

export class JsonPathExecError extends Error {
  /** What upstream's eval function hands back beside the error (an exists-filter still counts it). */
  partial: unknown[] = [];
}

export interface EvalOptions {
  /** kubectl sets this unless --allow-missing-template-keys=false. */
  allowMissingKeys?: boolean;
  /** jsonpath-as-json: each action prints a JSON array of its results. */
  outputJson?: boolean;
}

const isNil = (v: unknown) => v === null || v === undefined;

function childrenOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return Array.from(new TextEncoder().encode(v), (b) => new GoByte(b));
  return [];
}

// text/template's basicKind: what comparisons accept.
type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'uint';
function basicKind(v: unknown): BasicKind {
  const k: GoKind = goKind(v);
  switch (k) {
    case 'bool':
    case 'int':
    case 'float':
    case 'string':
      return k;
    case 'uint8':
      return 'uint';
    default:
      throw new JsonPathExecError('invalid type for comparison');
  }
}

const num = (v: unknown) => (v instanceof GoByte || v instanceof GoFloat ? v.value : (v as number));

function equal(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) === num(b);
    throw new JsonPathExecError('incompatible types for comparison');
  }
  if (k1 === 'int' || k1 === 'uint' || k1 === 'float') return num(a) === num(b);
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) < num(b);
    throw new JsonPathExecError('incompatible types for comparison');
  }
  if (k1 === 'bool') throw new JsonPathExecError('invalid type for comparison');
  if (k1 === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '<':
      return less(a, b);
    case '>':
      return !(less(a, b) || equal(a, b));
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<=':
      return less(a, b) || equal(a, b);
    case '>=':
      return !less(a, b);
    default:
      throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}

export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  /** Index (into the root's nodes) of the last `{end}` met. */
  private lastEnd = -1;

  constructor(
    private readonly root: ListNode,
    private readonly opts: EvalOptions = {},
  ) {}

  /** Each top-level node's results, ranges expanded. */
  findResults(data: unknown, from = 0): unknown[][] {
    const nodes = this.root.nodes;
    const cur = [data];
    const full: unknown[][] = [];
    for (let i = from; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const value of results) full.push(...this.findResults(value, i + 1));
        // An empty range still runs its body once so the matching {end} is found.
        else this.findResults(null, i + 1);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEnd) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: JpNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'wildcard':
        return input.filter((v) => !isNil(v)).flatMap(childrenOf);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): unknown[] {
    let cur = input;
    for (const n of list.nodes) {
      try {
        cur = this.walk(cur, n);
      } catch (e) {
        // Most eval functions return their input with the error; a missing key returns nothing.
        if (e instanceof JsonPathExecError && n.type !== 'list') e.partial = n.type === 'field' ? [] : cur;
        throw e;
      }
    }
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const out: unknown[] = [];
    for (const v of input) {
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name)) out.push(v[name]);
    }
    if (out.length === 0 && !this.opts.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    return out;
  }

  private evalArray(input: unknown[], node: Extract<JpNode, { type: 'array' }>): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      const p = node.params.map((x) => ({ ...x }));
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      // Upstream returns at the first empty slice, skipping later inputs.
      if (p[1].value === p[0].value) return out;
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JsonPathExecError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const slice = v.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathExecError('step must be > 0');
        step = p[2].value;
      }
      for (let i = 0; i < slice.length; i += step) out.push(slice[i]);
    }
    return out;
  }

  private evalFilter(input: unknown[], node: Extract<JpNode, { type: 'filter' }>): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${sprintV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: unknown[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (node.op !== 'exists' || !(e instanceof JsonPathExecError)) throw e;
          lefts = e.partial;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      const children = childrenOf(v);
      if (children.length !== 0) {
        out.push(v);
        out.push(...this.evalRecursive(children));
      }
    }
    return out;
  }

  /** PrintResults for one node's results. */
  printResults(results: unknown[]): string {
    if (this.opts.outputJson) return `${goJsonIndent(results, '    ')}\n`;
    return results
      .map((r) => {
        const k = goKind(r);
        return k === 'map' || k === 'slice' ? goJson(r) : textOf(r);
      })
      .join(' ');
  }
}

/** evalToText: fmt.Fprint of a scalar; a JSON null prints `null`. */
function textOf(v: unknown): string {
  if (isNil(v)) return 'null';
  return sprintV(v);
}
