/**
 * `$(VAR)` references in env values, command and args
 * (third_party/forked/golang/expansion/expand.go): `$$` escapes a dollar,
 * an undefined or unterminated reference is left as written.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  if (!input.includes('$')) return input;
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next !== '(') {
      out += c;
      i++;
      continue;
    }
    const close = input.indexOf(')', i + 2);
    if (close < 0) {
      out += input.slice(i);
      break;
    }
    const name = input.slice(i + 2, close);
    const v = name ? lookup(name) : undefined;
    out += v ?? `$(${name})`;
    i = close + 1;
  }
  return out;
}
