/**
 * One ResourceType per served version of an established CRD: the names the
 * CRD accepted, and strategy hooks that do what apiextensions-apiserver's
 * customresource strategy and decoder do (pkg/registry/customresource/
 * strategy.go, validator.go; pkg/apiserver/customresource_handler.go):
 * pruning, schema defaults, OpenAPI validation, scale-spec checks, and the
 * table from additionalPrinterColumns. The CRD facts behind each type are
 * kept beside it, keyed by the ResourceType object, so several clusters in
 * one process never share them.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionVersion, CustomResourceSubresourceScale } from 'kubernetes-types/apiextensions/v1';
import type { ResourceType } from '../kinds/types';
import { apiVersionOf, type KubeObject } from '../object';
import { customResourcePrinter } from '../printers/customresource';
import type { Printer } from '../printers/types';
import { invalid, type FieldError } from '../validation/field';
import { applyDefaults } from './defaults';
import { pruneCustomResource } from './prune';
import type { JSONSchemaProps } from './schema';
import { validateEmbeddedResources, validateListSetsAndMaps } from './structuralChecks';
import { validateAgainstSchema } from './validate';

export interface CustomResourceInfo {
  /** The CRD as last seen. */
  crd: CustomResourceDefinition;
  version: CustomResourceDefinitionVersion;
  schema?: JSONSchemaProps;
  printer: Printer;
  scale?: CustomResourceSubresourceScale;
}

const infos = new WeakMap<ResourceType, CustomResourceInfo>();

/** The CRD facts behind a custom resource type; undefined for built-in kinds. */
export function customResourceInfo(rt: ResourceType): CustomResourceInfo | undefined {
  return infos.get(rt);
}

export function isCustomResource(rt: ResourceType): boolean {
  return infos.has(rt);
}

export function storageVersionOf(crd: CustomResourceDefinition): string | undefined {
  return crd.spec.versions.find((v) => v.storage)?.name;
}

/** NestedInt64 at a `.spec.replicas`-style path: the value, or the error upstream reports. */
function nestedInt(obj: KubeObject, dotted: string): { value: number; error?: string } {
  let cur: unknown = obj;
  const parts = dotted.replace(/^\./, '').split('.');
  for (let i = 0; i < parts.length; i++) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) {
      return { value: 0, error: `${parts.slice(0, i).join('.')} accessor error: ${JSON.stringify(cur)} is of the type ${typeof cur}, expected map[string]interface{}` };
    }
    cur = (cur as Record<string, unknown>)[parts[i]];
    if (cur === undefined) return { value: 0 };
  }
  if (typeof cur !== 'number' || !Number.isInteger(cur)) {
    return { value: 0, error: `.${parts.join('.')} accessor error: ${JSON.stringify(cur)} is of the type ${Array.isArray(cur) ? 'slice' : typeof cur === 'number' ? 'float64' : typeof cur}, expected int64` };
  }
  return { value: cur };
}

/** customResourceValidator.ValidateScaleSpec */
function validateScaleSpec(obj: KubeObject, scale: CustomResourceSubresourceScale | undefined): FieldError[] {
  if (!scale) return [];
  const { value, error } = nestedInt(obj, scale.specReplicasPath);
  if (error) return [invalid(scale.specReplicasPath, value, error)];
  if (value < 0) return [invalid(scale.specReplicasPath, value, 'should be a non-negative integer')];
  if (value > 2147483647) return [invalid(scale.specReplicasPath, value, 'should be less than or equal to 2147483647')];
  return [];
}

function validateCustomResource(obj: KubeObject, info: CustomResourceInfo, old?: KubeObject): FieldError[] {
  const schema = info.schema;
  const errs: FieldError[] = [];
  if (schema) errs.push(...validateAgainstSchema(schema, obj));
  errs.push(...validateScaleSpec(obj, info.scale));
  if (schema) {
    errs.push(...validateEmbeddedResources(schema, obj));
    // Set/map uniqueness ratchets: an old object that already broke it may keep doing so.
    if (!old || validateListSetsAndMaps(schema, old).length === 0) errs.push(...validateListSetsAndMaps(schema, obj));
  }
  return errs;
}

/**
 * The schema-driven decode step for a custom resource: prune what the
 * schema does not declare (in place) and report those fields as the
 * fieldValidation directive asks.
 */
export function decodeCustomResource(rt: ResourceType, obj: KubeObject, mode: 'Strict' | 'Warn' | 'Ignore'): { errors: string[]; warnings: string[] } | undefined {
  const info = infos.get(rt);
  if (!info) return undefined;
  const unknown = pruneCustomResource(obj as unknown as Record<string, unknown>, info.schema);
  const messages = unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (mode === 'Strict' && messages.length) return { errors: [`strict decoding error: ${messages.join(', ')}`], warnings: [] };
  return { errors: [], warnings: mode === 'Warn' ? messages : [] };
}

/** The table for a custom resource type, from the version's additionalPrinterColumns. */
export function printerForCustomResource(rt: ResourceType): Printer | undefined {
  return infos.get(rt)?.printer;
}

/** Names a CRD serves under: the accepted names, as the CR handler uses them. */
export interface ServedNames {
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  shortNames?: string[];
  categories?: string[];
}

export function acceptedNamesOf(crd: CustomResourceDefinition): ServedNames | undefined {
  const n = crd.status?.acceptedNames;
  if (!n?.plural || !n.kind) return undefined;
  return { plural: n.plural, singular: n.singular || n.kind.toLowerCase(), kind: n.kind, listKind: n.listKind || `${n.kind}List`, shortNames: n.shortNames, categories: n.categories };
}

/**
 * The ResourceTypes serving `crd` (one per served version). Versions other
 * than the storage version are views of it whose apiVersion is rewritten
 * (conversion strategy None).
 */
export function buildCustomResourceTypes(crd: CustomResourceDefinition, terminating: boolean): ResourceType[] {
  const names = acceptedNamesOf(crd);
  if (!names) return [];
  const group = crd.spec.group;
  const storage = storageVersionOf(crd);
  const storageServed = crd.spec.versions.some((v) => v.name === storage && v.served);
  const out: ResourceType[] = [];
  for (const version of crd.spec.versions) {
    if (!version.served) continue;
    const info: CustomResourceInfo = {
      crd,
      version,
      schema: version.schema?.openAPIV3Schema as JSONSchemaProps | undefined,
      printer: customResourcePrinter(version.additionalPrinterColumns),
      scale: version.subresources?.scale,
    };
    const hasStatus = !!version.subresources?.status;
    const subresources = [...(hasStatus ? ['status'] : []), ...(info.scale ? ['scale'] : [])];
    const rt: ResourceType = {
      group,
      version: version.name,
      kind: names.kind,
      plural: names.plural,
      singular: names.singular,
      namespaced: crd.spec.scope === 'Namespaced',
      hasGeneration: true,
      // AllowUnconditionalUpdate is false for custom resources.
      requireResourceVersionOnUpdate: true,
      // Without a status subresource every non-metadata change is a new generation.
      statusFields: hasStatus ? ['status'] : [],
      columns: info.printer.columns,
      row: (obj, now) => info.printer.row(obj, now),
      defaults: (obj) => applyDefaults(obj, info.schema),
      prepareForCreate(obj) {
        if (hasStatus) delete obj.status;
      },
      validate: (obj) => validateCustomResource(obj, info),
      validateUpdate: (obj, old) => validateCustomResource(obj, info, old),
    };
    if (terminating) rt.verbs = ['delete', 'deletecollection', 'get', 'list', 'watch'];
    if (names.shortNames?.length) rt.shortNames = [...names.shortNames];
    if (names.categories?.length) rt.categories = [...names.categories];
    if (subresources.length) rt.subresources = subresources;
    if (storage && storageServed && version.name !== storage) {
      const storageApiVersion = apiVersionOf(group, storage);
      const ownApiVersion = apiVersionOf(group, version.name);
      rt.conversion = {
        storage: { group, version: storage, plural: names.plural },
        toStorage: (o) => ({ ...o, apiVersion: storageApiVersion }),
        fromStorage: (o) => ({ ...o, apiVersion: ownApiVersion }),
      };
    }
    infos.set(rt, info);
    out.push(rt);
  }
  return out;
}
