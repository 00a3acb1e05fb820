/**
 * Field errors as k8s.io/apimachinery/pkg/util/validation/field builds them:
 * a path, an error type and a detail, rendered the way the API server puts
 * them into `Status.details.causes` and the aggregate message.
 */

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** `spec.template.spec.containers[0].image` */
  field: string;
  /** Already-rendered value for Invalid/NotSupported/Duplicate…, or undefined. */
  value?: string;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** A field path builder: `path('spec').child('containers').index(0).child('image')`. */
export class Path {
  private constructor(private readonly text: string) {}
  static root(name: string): Path {
    return new Path(name);
  }
  child(name: string, ...more: string[]): Path {
    let t = this.text ? `${this.text}.${name}` : name;
    for (const m of more) t = `${t}.${m}`;
    return new Path(t);
  }
  index(i: number): Path {
    return new Path(`${this.text}[${i}]`);
  }
  key(k: string): Path {
    return new Path(`${this.text}[${k}]`);
  }
  toString(): string {
    return this.text;
  }
}

export function path(first: string, ...rest: string[]): Path {
  return rest.reduce((acc, name) => acc.child(name), Path.root(first));
}

/**
 * Render a value the way Go's `%#v` prints common JSON values in field errors:
 * strings quoted, numbers bare, maps as map[string]string{"k":"v"}.
 */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;
    return `[]interface {}{${v.map(goValue).join(', ')}}`;
  }
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.every(([, x]) => typeof x === 'string')) {
    return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
  }
  return `map[string]interface {}{${entries.map(([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`).join(', ')}}`;
}

const p = (at: Path | string) => at.toString();

export const required = (at: Path | string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: p(at), detail });
export const invalid = (at: Path | string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field: p(at),
  value: goValue(value),
  detail,
});
export const forbidden = (at: Path | string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: p(at), detail });
export const duplicate = (at: Path | string, value: unknown): FieldError => ({
  type: 'FieldValueDuplicate',
  field: p(at),
  value: goValue(value),
  detail: '',
});
export const notFound = (at: Path | string, value: unknown): FieldError => ({
  type: 'FieldValueNotFound',
  field: p(at),
  value: goValue(value),
  detail: '',
});
export const tooLong = (at: Path | string, value: unknown, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field: p(at),
  value: goValue(value),
  detail: `may not be more than ${max} bytes`,
});
export const tooMany = (at: Path | string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field: p(at),
  value: String(actual),
  detail: `must have at most ${max} items`,
});
export const typeInvalid = (at: Path | string, value: unknown, detail: string): FieldError => ({
  type: 'FieldValueTypeInvalid',
  field: p(at),
  value: goValue(value),
  detail,
});
/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"` */
export const notSupported = (at: Path | string, value: unknown, valid: readonly string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field: p(at),
  value: goValue(value),
  detail: valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '',
});

/** `Invalid value: "Foo": detail` — the cause message (field.Error.ErrorBody). */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  // Required, Forbidden, TooLong and InternalError carry no value in their text (field/errors.go ErrorBody).
  if (e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong' || e.type === 'FieldValueTooMany' || e.type === 'InternalError') {
    if (e.type === 'FieldValueTooMany' && e.value !== undefined) s += `: ${e.value}`;
  } else if (e.value !== undefined) {
    s += `: ${e.value}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}
