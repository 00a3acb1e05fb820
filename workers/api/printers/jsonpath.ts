/**
 * CRD additionalPrinterColumns paths, evaluated by the shared client-go
 * JSONPath engine (workers/jsonpath) the way apiextensions' tableconvertor
 * does: the path is wrapped in `{}` and missing keys are allowed.
 */
import { compileJsonPath, findJsonPathResults, JsonPathExecError, JsonPathSyntaxError, type ListNode } from '../../jsonpath';

export type JsonPathResult = { ok: true; template: ListNode } | { ok: false; error: string };

/** Parses `.spec.replicas` or `{.spec.replicas}`. */
export function parseJsonPath(path: string): JsonPathResult {
  let src = path.trim();
  if (src.startsWith('{') && src.endsWith('}')) src = src.slice(1, -1).trim();
  if (src.startsWith('$')) src = src.slice(1);
  if (src === '') return { ok: false, error: 'empty JSONPath' };
  // CRD validation only admits paths that start at the object (`.x` or `[...]`).
  if (src[0] !== '.' && src[0] !== '[') return { ok: false, error: `unrecognized column definition ${JSON.stringify(path)}` };
  try {
    return { ok: true, template: compileJsonPath(`{${src}}`) };
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Every match of a parsed path; empty when a key is missing or evaluation fails. */
export function findResults(parsed: Extract<JsonPathResult, { ok: true }>, data: unknown): unknown[] {
  try {
    return findJsonPathResults(parsed.template, data, { allowMissingKeys: true })[0] ?? [];
  } catch (e) {
    if (e instanceof JsonPathExecError) return [];
    throw e;
  }
}
