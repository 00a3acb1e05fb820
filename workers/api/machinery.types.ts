/**
 * The pluggable parts of request handling the API server calls into:
 * decoding, selectors, printing, patching, field management and admission.
 * `machinery.ts` wires the real implementations.
 */
import type { KubeObject } from './object';
import type { ResourceType, StrategyContext } from './kinds/types';
import type { FieldError } from './validation/field';
import type { Status } from './status';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface Selector {
  matches(labelsOrFields: Record<string, string>): boolean;
  empty: boolean;
}

export type PatchOutcome = { ok: true; object: KubeObject } | { ok: false; status: Status };

export interface AdmissionInput {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  rt: ResourceType;
  subresource?: string;
  namespace?: string;
  name: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
  ctx: StrategyContext;
}

export interface Machinery {
  /** Strict/Warn decoding against the schema: unknown fields and type errors. */
  decode(rt: ResourceType, obj: KubeObject, mode: FieldValidation): { errors: string[]; warnings: string[] };
  /** ValidateObjectMeta with the kind's name rule (`pathSegment`: the generic check every kind gets last). */
  validateObjectMeta(rt: ResourceType, obj: KubeObject, pathSegment?: boolean): FieldError[];
  validateObjectMetaUpdate(rt: ResourceType, obj: KubeObject, old: KubeObject): FieldError[];
  parseLabelSelector(s: string): Selector | Status;
  parseFieldSelector(rt: ResourceType, s: string): Selector | Status;
  fieldsOf(rt: ResourceType, obj: KubeObject): Record<string, string>;
  table(rt: ResourceType, objects: KubeObject[], now: number, opts: { noHeaders: boolean; includeObject: string; accept?: string; resourceVersion: string; continueToken?: string; remainingItemCount?: number }): unknown;
  patch(rt: ResourceType, contentType: string, original: KubeObject, patch: unknown): PatchOutcome;
  /** Server-side apply; `live` undefined = create. */
  apply(rt: ResourceType, live: KubeObject | undefined, applied: KubeObject, manager: string, force: boolean, time: string): PatchOutcome;
  /** Recompute metadata.managedFields after an Update-style write. Returns the new array. */
  managedFields(rt: ResourceType, old: KubeObject | undefined, next: KubeObject, manager: string, time: string, subresource?: string): unknown[] | undefined;
  admit(input: AdmissionInput): { ok: true } | { ok: false; status: Status };
}
