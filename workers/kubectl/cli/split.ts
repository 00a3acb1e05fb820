/**
 * A command line split into words the way a POSIX shell does it: blanks
 * separate words, 'single quotes' keep everything literally, "double quotes"
 * honour \\ \" \$ \` and a backslash-newline, a bare backslash escapes the
 * next character. No expansion ($VAR, globs) and no pipes.
 */
export function splitCommandLine(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: 'unexpected EOF while looking for matching `\'\'' };
      word += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '\\"$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      if (!closed) return { error: 'unexpected EOF while looking for matching `"\'' };
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) {
        if (line[i + 1] !== '\n') word += line[i + 1];
        i += 2;
      } else i++;
      continue;
    }
    word += c;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}

/** Where each word of a (possibly unfinished) line starts, for completion. */
export function wordStarts(line: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    let text = '';
    let quote: string | null = null;
    while (i < line.length && (quote || !/\s/.test(line[i]))) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
        else text += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < line.length) {
        text += line[i + 1];
        i++;
      } else text += c;
      i++;
    }
    out.push({ start, text });
  }
  return out;
}
