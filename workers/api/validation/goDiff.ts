/**
 * A readable diff in the shape of go-cmp's cmp.Diff(old, new), which
 * upstream appends to "immutable" errors (pod updates, PVC and PV specs).
 * Go struct field order is not known here, so fields follow the JSON order
 * and unchanged runs collapse to `... // N identical fields`.
 */

/** k8s Semantic.DeepEqual: a nil and an empty slice or map are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  if (empty(a) && empty(b)) return true;
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

const goField = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

/** Go-ish literal: strings quoted, objects as {Field: v}, lists as {a, b}, nothing as nil. */
export function goLiteral(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `{${v.map(goLiteral).join(', ')}}`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.map(([k, x]) => `${goField(k)}: ${goLiteral(x)}`).join(', ')}}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffInto(out: string[], oldV: unknown, newV: unknown, depth: number): void {
  const ind = '\t'.repeat(depth);
  if (isObj(oldV) && isObj(newV)) {
    const keys = [...new Set([...Object.keys(oldV), ...Object.keys(newV)])];
    let same = 0;
    const flush = () => {
      if (same) out.push(`  ${ind}... // ${same} identical field${same === 1 ? '' : 's'}`);
      same = 0;
    };
    for (const k of keys) {
      if (semanticEqual(oldV[k], newV[k])) {
        same++;
        continue;
      }
      flush();
      const o = oldV[k];
      const n = newV[k];
      if ((isObj(o) && isObj(n)) || (Array.isArray(o) && Array.isArray(n) && o.length === n.length)) {
        out.push(`  ${ind}${goField(k)}: {`);
        diffInto(out, o, n, depth + 1);
        out.push(`  ${ind}},`);
      } else {
        if (o !== undefined) out.push(`- ${ind}${goField(k)}: ${goLiteral(o)},`);
        if (n !== undefined) out.push(`+ ${ind}${goField(k)}: ${goLiteral(n)},`);
      }
    }
    flush();
    return;
  }
  if (Array.isArray(oldV) && Array.isArray(newV) && oldV.length === newV.length) {
    oldV.forEach((o, i) => {
      const n = newV[i];
      if (semanticEqual(o, n)) {
        out.push(`  ${ind}${goLiteral(o)},`);
      } else if ((isObj(o) && isObj(n)) || (Array.isArray(o) && Array.isArray(n) && o.length === n.length)) {
        out.push(`  ${ind}{`);
        diffInto(out, o, n, depth + 1);
        out.push(`  ${ind}},`);
      } else {
        out.push(`- ${ind}${goLiteral(o)},`);
        out.push(`+ ${ind}${goLiteral(n)},`);
      }
    });
    return;
  }
  out.push(`- ${ind}${goLiteral(oldV)},`);
  out.push(`+ ${ind}${goLiteral(newV)},`);
}

/** `typeName` is what go-cmp prints first, e.g. `core.PodSpec`. */
export function goDiff(typeName: string, oldV: unknown, newV: unknown): string {
  const out = [`  ${typeName}{`];
  diffInto(out, oldV ?? {}, newV ?? {}, 1);
  out.push('  }');
  return `${out.join('\n')}\n`;
}
