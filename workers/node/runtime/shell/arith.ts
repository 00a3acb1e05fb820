/** `$(( ... ))`: integer arithmetic with the C operators shells support. */

export class ArithError extends Error {}

type Lookup = (name: string) => string | undefined;

const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  '||': [1, (a, b) => (a || b ? 1 : 0)],
  '&&': [2, (a, b) => (a && b ? 1 : 0)],
  '|': [3, (a, b) => a | b],
  '^': [4, (a, b) => a ^ b],
  '&': [5, (a, b) => a & b],
  '==': [6, (a, b) => (a === b ? 1 : 0)],
  '!=': [6, (a, b) => (a !== b ? 1 : 0)],
  '<': [7, (a, b) => (a < b ? 1 : 0)],
  '<=': [7, (a, b) => (a <= b ? 1 : 0)],
  '>': [7, (a, b) => (a > b ? 1 : 0)],
  '>=': [7, (a, b) => (a >= b ? 1 : 0)],
  '<<': [8, (a, b) => a << b],
  '>>': [8, (a, b) => a >> b],
  '+': [9, (a, b) => a + b],
  '-': [9, (a, b) => a - b],
  '*': [10, (a, b) => a * b],
  '/': [10, (a, b) => {
    if (b === 0) throw new ArithError('division by zero');
    return Math.trunc(a / b);
  }],
  '%': [10, (a, b) => {
    if (b === 0) throw new ArithError('division by zero');
    return a % b;
  }],
};

const TOKEN = /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|\+\+|--|[-+*/%()<>!~^&|=?:])/y;

export function evalArith(src: string, lookup: Lookup, assign?: (name: string, value: number) => void): number {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = TOKEN.exec(src))) {
    tokens.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  if (src.slice(pos).trim()) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${src.slice(pos).trim()}")`);
  let i = 0;
  const valueOf = (name: string): number => {
    const v = lookup(name);
    if (v === undefined || v === '') return 0;
    const n = Number(v.trim());
    if (!Number.isInteger(n)) throw new ArithError(`${v}: expression expected`);
    return n;
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithError('syntax error: operand expected');
    if (t === '(') {
      const v = expr(0);
      if (tokens[i++] !== ')') throw new ArithError('syntax error: missing )');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      if (tokens[i] === '=' && assign) {
        i++;
        const v = expr(0);
        assign(t, v);
        return v;
      }
      if ((tokens[i] === '++' || tokens[i] === '--') && assign) {
        const v = valueOf(t);
        assign(t, tokens[i] === '++' ? v + 1 : v - 1);
        i++;
        return v;
      }
      return valueOf(t);
    }
    throw new ArithError(`syntax error: operand expected (error token is "${t}")`);
  };
  const expr = (minPrec: number): number => {
    let left = primary();
    for (;;) {
      const op = tokens[i];
      if (op === '?' && minPrec === 0) {
        i++;
        const a = expr(0);
        if (tokens[i++] !== ':') throw new ArithError('syntax error: expected :');
        const b = expr(0);
        left = left ? a : b;
        continue;
      }
      const entry = op !== undefined ? BINARY[op] : undefined;
      if (!entry || entry[0] < minPrec) return left;
      i++;
      const right = expr(entry[0] + 1);
      left = entry[1](left, right) | 0;
    }
  };
  if (!tokens.length) return 0;
  const v = expr(0);
  if (i < tokens.length) throw new ArithError(`syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`);
  return v;
}
