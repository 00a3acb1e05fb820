/**
 * Field paths as the API server reports them, split into steps we can follow
 * through a YAML document:
 *
 * - validation causes (apimachinery field.Path): `spec.template.spec.containers[0].image`,
 *   `metadata.labels[app.kubernetes.io/name]`
 * - server-side apply conflicts (structured-merge-diff): `.spec.replicas`,
 *   `.spec.template.spec.containers[name="nginx"].image`, `.metadata.finalizers[="a"]`
 */

export type PathStep =
  | { kind: 'field'; name: string }
  /** `[0]`: a list index, or (on a map) a key that happens to be digits. */
  | { kind: 'index'; index: number }
  /** `[some.key]`: a map key. */
  | { kind: 'key'; key: string }
  /** `[name="nginx",protocol="TCP"]`: the list item whose fields have these values. */
  | { kind: 'match'; fields: Record<string, unknown> }
  /** `[="value"]`: the set item with this value. */
  | { kind: 'value'; value: unknown };

/** Parses a field path; returns [] for an empty or unparsable path (the caller then points at the object). */
export function parseFieldPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = path.startsWith('.') ? 1 : 0;
  let name = '';
  const flush = () => {
    if (name) steps.push({ kind: 'field', name });
    name = '';
  };
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      flush();
      i++;
    } else if (c === '[') {
      flush();
      const end = closingBracket(path, i);
      if (end < 0) return [];
      steps.push(bracketStep(path.slice(i + 1, end)));
      i = end + 1;
    } else {
      name += c;
      i++;
    }
  }
  flush();
  return steps;
}

/** The `]` that closes the bracket at `open`, skipping quoted strings (values may hold `]`). */
function closingBracket(path: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return -1;
}

function bracketStep(inner: string): PathStep {
  if (/^\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  if (inner.startsWith('=')) return { kind: 'value', value: jsonOr(inner.slice(1)) };
  const fields = matchFields(inner);
  return fields ? { kind: 'match', fields } : { kind: 'key', key: inner };
}

/** `name="nginx",port=80` → { name: 'nginx', port: 80 }; undefined when it is not that shape. */
function matchFields(inner: string): Record<string, unknown> | undefined {
  const re = /\s*([A-Za-z_$][\w$-]*)=("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*(,|$)/y;
  const out: Record<string, unknown> = {};
  let matched = false;
  re.lastIndex = 0;
  while (re.lastIndex < inner.length) {
    const m = re.exec(inner);
    if (!m) return undefined;
    out[m[1]] = JSON.parse(m[2]);
    matched = true;
    if (m[3] === '') break;
  }
  return matched && re.lastIndex >= inner.length ? out : undefined;
}

function jsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Renders steps back in apimachinery's form (used to prefix items of a `kind: List`). */
export function formatFieldPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'field') out += out ? `.${s.name}` : s.name;
    else if (s.kind === 'index') out += `[${s.index}]`;
    else if (s.kind === 'key') out += `[${s.key}]`;
    else if (s.kind === 'value') out += `[=${JSON.stringify(s.value)}]`;
    else out += `[${Object.entries(s.fields).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
  }
  return out;
}
