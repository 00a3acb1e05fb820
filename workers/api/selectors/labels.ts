/**
 * Label selectors as staging/src/k8s.io/apimachinery/pkg/labels/selector.go
 * (v1.32) parses, prints and matches them, plus metav1.LabelSelectorAsSelector
 * and the describe-style formatters.
 *
 * Parse errors are values carrying upstream's exact text; the API server
 * answers them as `400 BadRequest`. Selectors are compiled once into
 * predicates so matching many objects against many selectors stays cheap.
 */
import type { LabelSelector as MetaLabelSelector } from 'kubernetes-types/meta/v1';
import { errorString, invalid, notSupported, type FieldError } from '../validation/field';
import { isQualifiedName, isValidLabelValue } from './label-validation';

/** selection.Operator values. */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt';

const BINARY_OPERATORS: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS: Operator[] = [...BINARY_OPERATORS, 'exists', '!'];

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** As given (the parser hands them over sorted and de-duplicated). */
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined | null;

export type SelectorResult = { ok: true; selector: Selector } | { ok: false; error: string };
export type RequirementResult = { ok: true; requirement: Requirement } | { ok: false; error: string };

type Predicate = (labels: Readonly<Record<string, string>>) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;

function compileRequirement(r: Requirement): Predicate {
  const { key, values } = r;
  const single = values.length === 1 ? values[0] : undefined;
  const set = values.length > 4 ? new Set(values) : undefined;
  const has = single !== undefined ? (v: string) => v === single : set ? (v: string) => set.has(v) : (v: string) => values.includes(v);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return (ls) => hasOwn.call(ls, key) && has(ls[key]);
    case 'notin':
    case '!=':
      return (ls) => !hasOwn.call(ls, key) || !has(ls[key]);
    case 'exists':
      return (ls) => hasOwn.call(ls, key);
    case '!':
      return (ls) => !hasOwn.call(ls, key);
    case 'gt':
    case 'lt': {
      const bound = values.length === 1 && /^[+-]?[0-9]+$/.test(values[0]) ? BigInt(values[0]) : undefined;
      const gt = r.operator === 'gt';
      return (ls) => {
        if (bound === undefined || !hasOwn.call(ls, key)) return false;
        const v = ls[key];
        if (!/^[+-]?[0-9]+$/.test(v)) return false;
        const n = BigInt(v);
        return gt ? n > bound : n < bound;
      };
    }
  }
}

/** Requirement.String(). */
export function requirementString(r: Requirement): string {
  let s = r.operator === '!' ? `!${r.key}` : r.key;
  switch (r.operator) {
    case 'exists':
    case '!':
      return s;
    case 'in':
      s += ' in (';
      break;
    case 'notin':
      s += ' notin (';
      break;
    case 'gt':
      s += '>';
      break;
    case 'lt':
      s += '<';
      break;
    default:
      s += r.operator;
  }
  s += r.values.length === 1 ? r.values[0] : [...r.values].sort(byString).join(',');
  if (r.operator === 'in' || r.operator === 'notin') s += ')';
  return s;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class Selector {
  private readonly predicates: Predicate[];

  private constructor(
    /** Sorted by key. Empty for Everything and Nothing. */
    readonly requirements: readonly Requirement[],
    private readonly nothing: boolean,
  ) {
    this.predicates = requirements.map(compileRequirement);
  }

  static everything(): Selector {
    return EVERYTHING;
  }

  static nothing(): Selector {
    return Selector.NOTHING;
  }

  private static readonly NOTHING = new Selector([], true);

  /** Requirements are sorted by key, as internalSelector.Add does. */
  static of(requirements: readonly Requirement[]): Selector {
    return new Selector(
      [...requirements].sort((a, b) => byString(a.key, b.key)),
      false,
    );
  }

  matches(labels: Labels): boolean {
    if (this.nothing) return false;
    const ls = labels ?? EMPTY_LABELS;
    for (const p of this.predicates) if (!p(ls)) return false;
    return true;
  }

  /** True when the selector does not restrict (Everything). Nothing is not empty. */
  empty(): boolean {
    return !this.nothing && this.requirements.length === 0;
  }

  matchesNothing(): boolean {
    return this.nothing;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }

  /** RequiresExactMatch: the single value a key must have, if the selector pins it. */
  requiresExactMatch(key: string): string | undefined {
    for (const r of this.requirements) {
      if (r.key !== key) continue;
      if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
      return undefined;
    }
    return undefined;
  }
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});
const EVERYTHING = Selector.of([]);

/** utilerrors.NewAggregate(...).Error(): one message bare, several bracketed, duplicates dropped. */
function aggregate(messages: string[]): string {
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/** Field path text of a *field.Path that may be nil (Go prints `<nil>`). */
const at = (path: string | undefined, child: string) => (path === undefined ? child : `${path}.${child}`);

function validateLabelKey(key: string, path: string): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalid(path, key, errs.join('; ')) : undefined;
}

/** labels.NewRequirement, validating key, operator and values. */
export function newRequirement(key: string, operator: string, values: readonly string[], path?: string): RequirementResult {
  const errs: FieldError[] = [];
  const keyErr = validateLabelKey(key, at(path, 'key'));
  if (keyErr) errs.push(keyErr);
  const valuePath = at(path, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      // LabelSelectorAsSelector hands over a nil slice here, which Go prints as []string(nil).
      if (values.length === 0) {
        errs.push({ type: 'FieldValueInvalid', field: valuePath, value: '[]string(nil)', detail: "for 'in', 'notin' operators, values set can't be empty" });
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalid(valuePath, [...values], 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalid(valuePath, [...values], 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalid(valuePath, [...values], "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (!/^[+-]?[0-9]+$/.test(v) || BigInt(v) > 2n ** 63n - 1n || BigInt(v) < -(2n ** 63n)) {
          errs.push(invalid(`${valuePath}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported(at(path, 'operator'), operator, VALID_OPERATORS));
  }
  values.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalid(`${valuePath}[${i}][${key}]`, v, vErrs.join('; ')));
  });
  if (errs.length) return { ok: false, error: aggregate(errs.map(errorString)) };
  return { ok: true, requirement: { key, operator: operator as Operator, values: [...values] } };
}

// ---- lexer (selector.go Lexer) ----

const enum Tok {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const STRING_TO_TOKEN = new Map<string, Tok>([
  [')', Tok.ClosedPar],
  [',', Tok.Comma],
  ['!', Tok.DoesNotExist],
  ['==', Tok.DoubleEquals],
  ['=', Tok.Equals],
  ['>', Tok.GreaterThan],
  ['in', Tok.In],
  ['<', Tok.LessThan],
  ['!=', Tok.NotEquals],
  ['notin', Tok.NotIn],
  ['(', Tok.OpenPar],
]);

interface Item {
  tok: Tok;
  lit: string;
}

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => c === '=' || c === '!' || c === '(' || c === ')' || c === ',' || c === '>' || c === '<';

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: Tok.EndOfString, lit: '' });
      return items;
    }
    if (isSpecial(s[pos])) {
      // scanSpecialSymbol: the longest run of symbols that still names a token
      let buf = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        const t = STRING_TO_TOKEN.get(buf);
        if (t !== undefined) {
          last = { tok: t, lit: buf };
          pos++;
        } else if (last) {
          break;
        } else {
          pos++;
        }
      }
      items.push(last ?? { tok: Tok.Error, lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++];
    const t = STRING_TO_TOKEN.get(buf);
    items.push({ tok: t ?? Tok.Identifier, lit: buf });
  }
}

// ---- parser (selector.go Parser) ----

const enum Ctx {
  KeyAndOperator,
  Values,
}

class ParseError {
  constructor(readonly message: string) {}
}

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  private look(ctx: Ctx): Item {
    return this.adjust(this.items[this.position], ctx);
  }

  private consume(ctx: Ctx): Item {
    return this.adjust(this.items[this.position++], ctx);
  }

  /** In a values context `in` and `notin` are plain identifiers. */
  private adjust(it: Item, ctx: Ctx): Item {
    if (ctx === Ctx.Values && (it.tok === Tok.In || it.tok === Tok.NotIn)) return { tok: Tok.Identifier, lit: it.lit };
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.look(Ctx.Values);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
            throw e;
          }
          reqs.push(r);
          const t = this.consume(Ctx.Values);
          if (t.tok === Tok.EndOfString) return reqs;
          if (t.tok === Tok.Comma) {
            const t2 = this.look(Ctx.Values);
            if (t2.tok !== Tok.Identifier && t2.tok !== Tok.DoesNotExist) {
              throw new ParseError(`found '${t2.lit}', expected: identifier after ','`);
            }
            break;
          }
          throw new ParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
        }
        case Tok.EndOfString:
          return reqs;
        default:
          throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return checked(newRequirement(key, operator, []));
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return checked(newRequirement(key, op, [...values].sort(byString)));
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | '' } {
    let operator: Operator | '' = '';
    let it = this.consume(Ctx.Values);
    if (it.tok === Tok.DoesNotExist) {
      operator = '!';
      it = this.consume(Ctx.Values);
    }
    if (it.tok !== Tok.Identifier) throw new ParseError(`found '${it.lit}', expected: identifier`);
    // The parser's own path is a nil *field.Path, which Go prints as `<nil>`.
    const keyErr = validateLabelKey(it.lit, '<nil>');
    if (keyErr) throw new ParseError(errorString(keyErr));
    const next = this.look(Ctx.Values).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && operator !== '!') operator = 'exists';
    return { key: it.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(Ctx.KeyAndOperator);
    switch (tok) {
      case Tok.In:
        return 'in';
      case Tok.Equals:
        return '=';
      case Tok.DoubleEquals:
        return '==';
      case Tok.GreaterThan:
        return 'gt';
      case Tok.LessThan:
        return 'lt';
      case Tok.NotIn:
        return 'notin';
      case Tok.NotEquals:
        return '!=';
      default:
        throw new ParseError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(Ctx.Values);
    if (open.tok !== Tok.OpenPar) throw new ParseError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.look(Ctx.Values);
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const s = this.parseIdentifiersList();
        // Upstream reports the literal seen before the list, not the offending one.
        if (this.consume(Ctx.Values).tok !== Tok.ClosedPar) throw new ParseError(`found '${lit}', expected: ')'`);
        return s;
      }
      case Tok.ClosedPar:
        this.consume(Ctx.Values);
        return new Set(['']);
      default:
        throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(Ctx.Values);
      switch (tok) {
        case Tok.Identifier: {
          s.add(lit);
          const next = this.look(Ctx.Values);
          if (next.tok === Tok.Comma) continue;
          if (next.tok === Tok.ClosedPar) return s;
          throw new ParseError(`found '${next.lit}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (s.size === 0) s.add('');
          const next = this.look(Ctx.Values).tok;
          if (next === Tok.ClosedPar) {
            s.add('');
            return s;
          }
          if (next === Tok.Comma) {
            this.consume(Ctx.Values);
            s.add('');
          }
          break;
        }
        default:
          throw new ParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.look(Ctx.Values).tok;
    if (next === Tok.EndOfString || next === Tok.Comma) return new Set(['']);
    const { tok, lit } = this.consume(Ctx.Values);
    if (tok === Tok.Identifier) return new Set([lit]);
    throw new ParseError(`found '${lit}', expected: identifier`);
  }
}

function checked(r: RequirementResult): Requirement {
  if (!r.ok) throw new ParseError(r.error);
  return r.requirement;
}

/** labels.Parse. */
export function parseLabelSelector(selector: string): SelectorResult {
  try {
    return { ok: true, selector: Selector.of(new Parser(lex(selector)).parse()) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/** labels.SelectorFromSet (no validation; empty or missing → Everything). */
export function selectorFromSet(set: Labels): Selector {
  if (!set) return Selector.everything();
  const keys = Object.keys(set);
  if (keys.length === 0) return Selector.everything();
  return Selector.of(keys.map((k) => ({ key: k, operator: '=' as const, values: [set[k]] })));
}

const LABEL_SELECTOR_OPS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** metav1.LabelSelectorAsSelector: null → Nothing, empty → Everything. */
export function selectorFromLabelSelector(ls: MetaLabelSelector | null | undefined): SelectorResult {
  if (ls === null || ls === undefined) return { ok: true, selector: Selector.nothing() };
  const matchLabels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels);
  if (labelKeys.length + exprs.length === 0) return { ok: true, selector: Selector.everything() };
  const reqs: Requirement[] = [];
  for (const k of labelKeys.sort(byString)) {
    const r = newRequirement(k, '=', [matchLabels[k]]);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  for (const e of exprs) {
    const op = LABEL_SELECTOR_OPS[e.operator];
    if (!op) return { ok: false, error: `${JSON.stringify(e.operator ?? '')} is not a valid label selector operator` };
    const r = newRequirement(e.key, op, e.values ?? []);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  return { ok: true, selector: Selector.of(reqs) };
}

/** metav1.FormatLabelSelector, as `kubectl describe` prints selectors. */
export function formatLabelSelector(ls: MetaLabelSelector | null | undefined): string {
  const r = selectorFromLabelSelector(ls);
  if (!r.ok) return '<error>';
  return r.selector.toString() || '<none>';
}

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Labels): string {
  const keys = labels ? Object.keys(labels).sort(byString) : [];
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Convenience for callers holding a parsed selector. */
export function matchLabels(selector: Selector, labels: Labels): boolean {
  return selector.matches(labels);
}
