/**
 * The printer mutating commands end with: `kind/name <operation>` (plus the
 * dry-run suffix) by default, the object for -o yaml|json|jsonpath, and
 * `kind/name` for -o name — genericclioptions.PrintFlags with an Operation.
 */
import type { Ctx } from './command';
import { dryRunSuffix, type DryRun } from './common';
import { ObjectPrinter, parseOutput } from '../output/printObjects';

export interface OperationPrinter {
  print(object: Record<string, unknown>, kindPrefix: string, operation: string): void;
}

/**
 * `suffix: false` for commands that set the operation after
 * PrintFlagsWithDryRunStrategy ran (patch, taint): their lines never say "(dry run)".
 */
export function operationPrinter(ctx: Ctx, dry: DryRun, o: { suffix?: boolean } = {}): OperationPrinter {
  const suffix = o.suffix === false ? '' : dryRunSuffix(dry);
  const format = parseOutput(ctx.flags.string('output'), false);
  const objects = format.kind === 'human' ? undefined : new ObjectPrinter(format, ctx.flags.bool('show-managed-fields'));
  return {
    print(object, kindPrefix, operation) {
      if (objects) ctx.out(objects.print({ object, kindPrefix }));
      else ctx.out(`${kindPrefix}/${String((object.metadata as { name?: string } | undefined)?.name ?? '')} ${operation}${suffix}\n`);
    },
  };
}

/** reflect.DeepEqual of two decoded JSON values. */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqualJson(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqualJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
