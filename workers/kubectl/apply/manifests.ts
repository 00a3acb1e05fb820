/**
 * Objects named by -f: files from the editor or gallery, or `-` for stdin;
 * multi-document YAML or JSON, `kind: List` flattened, empty documents
 * skipped, as cli-runtime's FileVisitor/StreamVisitor reads them.
 */
import { parseAllDocuments } from 'yaml';
import type { Ctx } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { parseApiVersion } from '../../api/object';

export interface Manifest {
  object: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  group: string;
  version: string;
  name: string;
  namespace?: string;
  /** The file it came from (`STDIN` for -f -). */
  source: string;
}

export function readManifests(ctx: Ctx, files: string[]): Manifest[] {
  const out: Manifest[] = [];
  for (const file of files) {
    const text = file === '-' ? ctx.io.stdin : ctx.io.readFile(file);
    if (text === undefined) {
      if (file === '-') throw new KubectlError('error: no objects passed to apply');
      throw new KubectlError(`error: the path "${file}" does not exist`);
    }
    const source = file === '-' ? 'STDIN' : file;
    for (const obj of parseObjects(text, source)) out.push(toManifest(obj, source));
  }
  return out;
}

export function parseObjects(text: string, source: string): Record<string, unknown>[] {
  const objs: Record<string, unknown>[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      objs.push(JSON.parse(text) as Record<string, unknown>);
    } catch (e) {
      throw new KubectlError(`error: error parsing ${source}: ${(e as Error).message}`);
    }
  } else {
    for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
      if ('errors' in doc && doc.errors.length) {
        const e = doc.errors[0];
        const lp = e.linePos?.[0];
        throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${lp?.line ?? 0}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
      }
      const v = doc.toJSON() as unknown;
      if (v === null || v === undefined) continue;
      if (typeof v !== 'object' || Array.isArray(v)) throw new KubectlError(`error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
      objs.push(v as Record<string, unknown>);
    }
  }
  const flat: Record<string, unknown>[] = [];
  for (const o of objs) {
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) flat.push(...(o.items as Record<string, unknown>[]));
    else flat.push(o);
  }
  return flat;
}

function toManifest(o: Record<string, unknown>, source: string): Manifest {
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const kind = typeof o.kind === 'string' ? o.kind : '';
  if (!kind) throw new KubectlError(`error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  if (!apiVersion) throw new KubectlError(`error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  const { group, version } = parseApiVersion(apiVersion);
  const meta = (o.metadata ?? {}) as { name?: string; namespace?: string; generateName?: string };
  return { object: o, apiVersion, kind, group, version, name: meta.name ?? '', namespace: meta.namespace, source };
}
