/**
 * `-o jsonpath=<template>`: cli-runtime's JSONPathPrinter over client-go's
 * jsonpath (workers/jsonpath), with kubectl's error wording from
 * genericclioptions/jsonpath_flags.go (parse) and printers/jsonpath.go
 * (execution). Errors are thrown as Errors whose message is the Go error
 * text; kubectl prefixes `error: ` when it prints them.
 */
import { compileJsonPath, executeJsonPath, goQuote, JsonPathExecError, JsonPathSyntaxError, sprintGoSyntax, type ListNode } from '../../jsonpath';

export interface JsonPathPrintOptions {
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json */
  asJson?: boolean;
}

export function parseJsonPathTemplate(template: string): ListNode {
  if (template === '') throw new Error('template format specified but no template given');
  try {
    return compileJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw new Error(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

/** The text kubectl prints for `data` (an object, or a `kind: List` of items). */
export function printJsonPath(template: string, data: unknown, opts: JsonPathPrintOptions = {}): string {
  const parsed = parseJsonPathTemplate(template);
  try {
    return executeJsonPath(parsed, data, { allowMissingKeys: opts.allowMissingKeys ?? true, outputJson: opts.asJson });
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const detail =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${sprintGoSyntax(data)}\n\n`;
    throw new Error(`error executing jsonpath ${goQuote(template)}: ${detail}\n`);
  }
}
