/** Reading and parsing request bodies: size limit, JSON or YAML, errors with line and column. */
import type { IncomingMessage } from 'node:http';
import { parseDocument } from 'yaml';
import { decodeKubernetesProtobuf, protobufDecodeFailureMessage, PROTOBUF_CONTENT_TYPE } from '../api/protobuf';

/**
 * A protobuf body (what kubectl's typed clients send), decoded to the JSON
 * object it stands for. `into` is the endpoint's kind, for defaults and messages.
 */
export function parseProtobufBody(bytes: Uint8Array, into: { apiVersion: string; kind: string }): BodyResult {
  const r = decodeKubernetesProtobuf(bytes, into);
  if (r.ok) return { ok: true, value: r.object };
  return { ok: false, status: 400, message: protobufDecodeFailureMessage(r, into.kind, bytes) };
}

export const isProtobuf = (contentType: string) => contentType.startsWith(PROTOBUF_CONTENT_TYPE);

/** The apiserver's request body limit (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

export async function readBody(req: IncomingMessage): Promise<{ ok: true; bytes: Buffer; text: string } | { ok: false; status: 413; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk as Buffer);
  }
  if (tooLarge) return { ok: false, status: 413, message: `Request entity too large: limit is ${MAX_BODY_BYTES}` };
  const bytes = Buffer.concat(chunks);
  return { ok: true, bytes, text: bytes.toString('utf8') };
}

export function parseBody(text: string, contentType: string): BodyResult {
  if (text.trim() === '') return { ok: true, value: undefined };
  const yamlish = /yaml/.test(contentType);
  if (!yamlish) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (err) {
      const where = lineCol(text, jsonErrorOffset(text));
      return { ok: false, status: 400, message: `error decoding JSON at line ${where.line}, column ${where.col}: ${(err as Error).message}` };
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const lp = e.linePos?.[0];
    const at = lp ? `line ${lp.line}, column ${lp.col}` : 'unknown position';
    return { ok: false, status: 400, message: `error converting YAML to JSON: yaml: ${at}: ${e.message.split('\n')[0]}` };
  }
  return { ok: true, value: doc.toJSON() };
}

function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

/** Offset of the first character a JSON parser would stop at (V8's messages no longer carry it). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail();
      i += m![0].length;
    } else {
      for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return void (i += lit.length);
      fail();
    }
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}
