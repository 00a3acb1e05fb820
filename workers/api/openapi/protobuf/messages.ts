/**
 * The openapi.v2 message table (gnostic's OpenAPIv2.proto as kubectl 1.32 embeds it), compiled from
 * generated/openapiv2.json: field numbers and types come from the descriptor, never typed by hand.
 */
import generated from './generated/openapiv2.json';

export type ScalarType = 'string' | 'bool' | 'double' | 'int64' | 'bytes';

export interface FieldInfo {
  number: number;
  /** proto name (`operation_id`, `_ref`) */
  name: string;
  /** the swagger key gnostic reads it from (`operationId`, `$ref`) */
  key: string;
  /** a scalar type or a full message name */
  type: string;
  message: boolean;
  repeated: boolean;
  /** a member of the message's oneof: written even when it holds its zero value */
  oneof: boolean;
}

export interface MessageInfo {
  name: string;
  /** by field number */
  fields: FieldInfo[];
  byName: Map<string, FieldInfo>;
  byKey: Map<string, FieldInfo>;
}

const SCALARS = new Set<string>(['string', 'bool', 'double', 'int64', 'bytes']);

/** `operation_id` → `operationId`; `_ref` → `$ref` (gnostic's key for JSON references). */
export function swaggerKey(protoName: string): string {
  if (protoName === '_ref') return '$ref';
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

type Row = [number, string, string, string?];

function compile(raw: Record<string, Row[]>): Map<string, MessageInfo> {
  const out = new Map<string, MessageInfo>();
  for (const [name, rows] of Object.entries(raw)) {
    const fields = rows.map(([number, proto, type, flags = '']): FieldInfo => {
      const message = !SCALARS.has(type);
      if (message && !(type in raw)) throw new Error(`openapiv2.json: ${name}.${proto} has unknown type ${type}`);
      return { number, name: proto, key: swaggerKey(proto), type, message, repeated: flags.includes('r'), oneof: flags.includes('o') };
    });
    out.set(name, { name, fields, byName: new Map(fields.map((f) => [f.name, f])), byKey: new Map(fields.map((f) => [f.key, f])) });
  }
  return out;
}

const table = compile(generated.messages as unknown as Record<string, Row[]>);

export function messageInfo(name: string): MessageInfo {
  const m = table.get(name);
  if (!m) throw new Error(`openapi.v2 has no message ${name}`);
  return m;
}

export function fieldOf(message: string, field: string): FieldInfo {
  const f = messageInfo(message).byName.get(field);
  if (!f) throw new Error(`${message} has no field ${field}`);
  return f;
}
