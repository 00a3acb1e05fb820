/**
 * Validation of a custom resource against its version's openAPIV3Schema, as
 * kube-openapi's SchemaValidator does it (pkg/validation/validate: type,
 * schema props, string, format, number, slice, enum, object — in that order
 * per node), with its errors turned into field errors the way
 * apiextensions-apiserver pkg/apiserver/validation/validation.go
 * kubeOpenAPIResultToFieldErrors does. CEL rules (x-kubernetes-validations)
 * are not evaluated.
 */
import type { FieldError } from '../validation/field';
import { goValue, invalid, notSupported, required, typeInvalid } from '../validation/field';
import { matchesFormat } from './formats';
import { additionalSchema, goNumber, hasOwn, isMap, type JSONSchemaProps } from './schema';

type JsonType = 'null' | 'boolean' | 'string' | 'integer' | 'number' | 'array' | 'object';

/** The JSON type kube-openapi infers for decoded data (integral numbers decode as int64). */
export function jsonType(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

/** The error's `Name` becomes the field path; the root has none (`<nil>`, as a nil *field.Path prints). */
const fieldOf = (name: string) => name.replace(/^\./, '') || '<nil>';
const childName = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function typesOf(s: JSONSchemaProps): string[] {
  if (s['x-kubernetes-int-or-string']) return ['integer', 'string'];
  return s.type ? [s.type] : [];
}

/** Validate `data` against `schema`; `name` is kube-openapi's path ('' at the root). */
export function validateAgainstSchema(schema: JSONSchemaProps, data: unknown, name = ''): FieldError[] {
  const out: FieldError[] = [];
  validateNode(schema, data, name, out);
  return out;
}

function validateNode(s: JSONSchemaProps, data: unknown, name: string, out: FieldError[]): void {
  const types = typesOf(s);
  if (data === null || data === undefined) {
    if (types.length && !s.nullable) {
      out.push(typeInvalid(fieldOf(name), 'null', `${name} in body must be of type ${types.join(',')}: "null"`));
    }
    if (s.enum?.length && !s.enum.some((e) => e === null)) out.push(enumError(s, data, name));
    return;
  }
  const t = jsonType(data);
  if (types.length && !(types.includes(t) || (t === 'integer' && types.includes('number')))) {
    out.push(typeInvalid(fieldOf(name), t, `${name} in body must be of type ${types.join(',')}: "${t}"`));
  }
  schemaProps(s, data, name, out);
  if (typeof data === 'string') stringChecks(s, data, name, out);
  if (typeof data === 'number') numberChecks(s, data, name, out);
  if (Array.isArray(data)) sliceChecks(s, data, name, out);
  if (s.enum?.length && !s.enum.some((e) => enumEqual(e, data))) out.push(enumError(s, data, name));
  if (isMap(data)) objectChecks(s, data, name, out);
}

function enumEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return typeof a === 'number' && typeof b === 'number' ? a === b : false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function enumError(s: JSONSchemaProps, data: unknown, name: string): FieldError {
  // Allowed values print as themselves when strings, as JSON otherwise.
  const values = (s.enum ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return notSupported(fieldOf(name), data === undefined ? null : data, values);
}

/** allOf / anyOf / oneOf / not (schema_props.go); their composite errors carry no field path. */
function schemaProps(s: JSONSchemaProps, data: unknown, name: string, out: FieldError[]): void {
  for (const sub of s.allOf ?? []) validateNode(sub, data, name, out);
  if (s.anyOf?.length) {
    const results = s.anyOf.map((sub) => validateAgainstSchema(sub, data, name));
    if (!results.some((r) => r.length === 0)) {
      out.push({ type: 'FieldValueInvalid', field: '<nil>', value: '""', detail: `${JSON.stringify(name)} must validate at least one schema (anyOf)` });
      out.push(...results[0]);
    }
  }
  if (s.oneOf?.length) {
    const results = s.oneOf.map((sub) => validateAgainstSchema(sub, data, name));
    const valid = results.filter((r) => r.length === 0).length;
    if (valid !== 1) {
      const why = valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
      out.push({ type: 'FieldValueInvalid', field: '<nil>', value: '""', detail: `${JSON.stringify(name)} must validate one and only one schema (oneOf). ${why}` });
      if (valid === 0) out.push(...results[0]);
    }
  }
  if (s.not && validateAgainstSchema(s.not, data, name).length === 0) {
    out.push({ type: 'FieldValueInvalid', field: '<nil>', value: '""', detail: `${JSON.stringify(name)} must not validate the schema (not)` });
  }
}

function stringChecks(s: JSONSchemaProps, v: string, name: string, out: FieldError[]): void {
  // Lengths count runes (utf8.RuneCountInString).
  const len = [...v].length;
  if (s.maxLength !== undefined && len > s.maxLength) {
    out.push({ type: 'FieldValueTooLong', field: fieldOf(name), value: goValue(v), detail: `may not be more than ${s.maxLength} ${s.maxLength === 1 ? 'byte' : 'bytes'}` });
  }
  if (s.minLength !== undefined && len < s.minLength) out.push(invalid(fieldOf(name), v, `${name} in body should be at least ${s.minLength} chars long`));
  if (s.pattern !== undefined && !patternMatches(s.pattern, v)) out.push(invalid(fieldOf(name), v, `${name} in body should match '${s.pattern}'`));
  if (s.format && !matchesFormat(s.format, v)) out.push(typeInvalid(fieldOf(name), v, `${name} in body must be of type ${s.format}: ${JSON.stringify(v)}`));
}

const patterns = new Map<string, RegExp | null>();
function patternMatches(pattern: string, v: string): boolean {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    patterns.set(pattern, re);
  }
  // A pattern Go cannot compile was refused with the CRD; nothing to check here.
  return re === null || re.test(v);
}

function numberChecks(s: JSONSchemaProps, v: number, name: string, out: FieldError[]): void {
  if (s.multipleOf !== undefined && s.multipleOf > 0) {
    const q = v / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) out.push(invalid(fieldOf(name), v, `${name} in body should be a multiple of ${goNumber(s.multipleOf)}`));
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    out.push(invalid(fieldOf(name), v, `${name} in body should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${goNumber(s.maximum)}`));
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    out.push(invalid(fieldOf(name), v, `${name} in body should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${goNumber(s.minimum)}`));
  }
}

function sliceChecks(s: JSONSchemaProps, v: unknown[], name: string, out: FieldError[]): void {
  if (s.items) v.forEach((item, i) => validateNode(s.items!, item, `${name}[${i}]`, out));
  if (s.minItems !== undefined && v.length < s.minItems) out.push(invalid(fieldOf(name), v.length, `${name} in body should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && v.length > s.maxItems) {
    out.push({ type: 'FieldValueTooMany', field: fieldOf(name), value: String(v.length), detail: `must have at most ${s.maxItems} ${s.maxItems === 1 ? 'item' : 'items'}` });
  }
  if (s.uniqueItems) {
    const seen = new Set(v.map((x) => JSON.stringify(x)));
    if (seen.size !== v.length) out.push(invalid(fieldOf(name), '', `${name} in body shouldn't contain duplicates`));
  }
}

function objectChecks(s: JSONSchemaProps, v: Record<string, unknown>, name: string, out: FieldError[]): void {
  const n = Object.keys(v).length;
  if (s.minProperties !== undefined && n < s.minProperties) {
    out.push(invalid(fieldOf(name), n, `${name} in body should have at least ${s.minProperties} properties`));
    return;
  }
  if (s.maxProperties !== undefined && n > s.maxProperties) {
    out.push({ type: 'FieldValueTooMany', field: fieldOf(name), value: String(n), detail: `must have at most ${s.maxProperties} ${s.maxProperties === 1 ? 'item' : 'items'}` });
    return;
  }
  const props = s.properties ?? {};
  const extra = additionalSchema(s);
  if (s.additionalProperties === false) {
    for (const k of Object.keys(v)) {
      if (!hasOwn(props, k)) out.push(invalid(fieldOf(name), k, `${name}.${k} in body is a forbidden property`));
    }
  } else if (extra) {
    for (const k of Object.keys(v).sort()) if (!hasOwn(props, k)) validateNode(extra, v[k], `${name}.${k}`, out);
  }
  // Go iterates the properties map in random order; sorted keeps our answers repeatable.
  for (const k of Object.keys(props).sort()) {
    if (hasOwn(v, k)) validateNode(props[k], v[k], childName(name, k), out);
  }
  for (const k of s.required ?? []) if (!hasOwn(v, k)) out.push(required(fieldOf(`${name}.${k}`)));
}
