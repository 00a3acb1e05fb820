/**
 * client-go's JSONPath template language (k8s.io/client-go/util/jsonpath),
 * shared by the API server's CRD printer columns and kubectl's
 * `-o jsonpath=` / `-o custom-columns=` printers.
 */
import { JsonPathEvaluator, type EvalOptions } from './evaluate';
import { parseTemplate, type ListNode } from './parser';

export { JsonPathSyntaxError, parseTemplate, type ListNode, type JpNode } from './parser';
export { JsonPathExecError, type EvalOptions } from './evaluate';
export { goJson, goQuote, jsonString, sprintV, sprintGoSyntax, goJsonIndent } from './goValue';

/** A parsed template; throws JsonPathSyntaxError with upstream's parse error text. */
export function compileJsonPath(template: string): ListNode {
  return parseTemplate(template);
}

/** FindResults: each top-level node's values (ranges expanded); throws JsonPathExecError. */
export function findJsonPathResults(template: ListNode, data: unknown, opts: EvalOptions = {}): unknown[][] {
  return new JsonPathEvaluator(template, opts).findResults(data);
}

/** Execute: the text the template prints for `data`; throws JsonPathExecError. */
export function executeJsonPath(template: ListNode, data: unknown, opts: EvalOptions = {}): string {
  const ev = new JsonPathEvaluator(template, opts);
  return ev
    .findResults(data)
    .map((r) => ev.printResults(r))
    .join('');
}
