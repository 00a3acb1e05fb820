/** Shell patterns (`*`, `?`, `[...]`) for case, globbing and `${x#pattern}`. */

export function patternToRegExp(pattern: string, anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]);
    } else re += escapeRe(c);
  }
  return new RegExp(anchored ? `^${re}$` : re, 's');
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function hasGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

export function matchPattern(pattern: string, text: string): boolean {
  return patternToRegExp(pattern).test(text);
}

/** `${x#p}` / `${x##p}` / `${x%p}` / `${x%%p}`. */
export function trimPattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = patternToRegExp(pattern);
  if (op === '#' || op === '##') {
    const lens = [...Array(value.length + 1).keys()];
    if (op === '##') lens.reverse();
    for (const n of lens) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  return value;
}
