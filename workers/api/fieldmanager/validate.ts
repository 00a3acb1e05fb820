/**
 * The list checks structured-merge-diff makes when it types an applied
 * configuration (typed.Validate): every associative-list item needs its
 * keys, and no two items may share them. Scalar and shape errors are the
 * decoder's business and are not repeated here.
 */
import { fieldPE, pathString, peString, serializePE, type Path } from './pathElement';
import { fieldSchema, isAtomicMap, isMap, itemSchema, listItemPE, listSemantics, type Schema } from './schemaInfo';

/** ValidationErrors as upstream renders each: `.spec.x: message`. */
export function validateApplied(value: unknown, schema: Schema): string[] {
  const errs: string[] = [];
  walk(value, schema, [], errs);
  return errs;
}

/** ValidationErrors.Error(): one error bare, several under "errors:". */
export function validationErrorsText(errs: string[]): string {
  return errs.length === 1 ? errs[0] : ['errors:', ...errs.map((e) => `  ${e}`)].join('\n');
}

function report(path: Path, msg: string, errs: string[]): void {
  const p = pathString(path);
  errs.push(p ? `${p}: ${msg}` : msg);
}

function walk(v: unknown, s: Schema, path: Path, errs: string[]): void {
  if (Array.isArray(v)) {
    const sem = listSemantics(s);
    if (sem.type === 'atomic') return;
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const pe = listItemPE(sem, item);
      if (pe instanceof Error) {
        report(path, `element ${i}: ${pe.message}`, errs);
        return;
      }
      const k = serializePE(pe);
      if (seen.has(k)) {
        report(path, `duplicate entries for key ${peString(pe)}`, errs);
        return;
      }
      seen.add(k);
      walk(item, itemSchema(s), [...path, pe], errs);
    });
    return;
  }
  if (isMap(v) && !isAtomicMap(s)) {
    for (const [k, val] of Object.entries(v)) walk(val, fieldSchema(s, k), [...path, fieldPE(k)], errs);
  }
}
