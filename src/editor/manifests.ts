/**
 * The editor's text as kubectl reads a manifest file: YAML documents
 * separated by `---`, each one object (or a `kind: List` of objects), with
 * every object remembering where it sits in the text so errors can point at it.
 *
 * Parsed as YAML 1.1, like sigs.k8s.io/yaml (go-yaml v2): `0644` is octal,
 * `yes`/`on` are booleans, merge keys work; timestamps stay strings.
 */
import { Composer, isMap, isSeq, LineCounter, Parser, type Node, type Tags } from 'yaml';
import type { PathStep } from './fieldPath';
import { locatePath } from './yamlLocate';

/** 1-based line and column, end exclusive, as Monaco markers want them. */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Problem {
  message: string;
  range: SourceRange;
}

export interface ManifestObject {
  /** 0-based position among the objects of the text. */
  index: number;
  /** 0-based YAML document it came from. */
  docIndex: number;
  /** The object as JSON. */
  object: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The object's node in the YAML AST (a document's contents or a List item). */
  node: Node;
}

export type ParsedManifests =
  | { ok: true; objects: ManifestObject[]; source: SourceMap }
  | { ok: false; problems: Problem[] };

/** Turns offsets and field paths of one parsed text into ranges. */
export interface SourceMap {
  rangeOf(start: number, end: number): SourceRange;
  /** The range a field path points at in an object; the object's first line when nothing matches. */
  rangeOfPath(obj: ManifestObject, steps: readonly PathStep[]): SourceRange;
}

export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;

const PARSE_OPTIONS = {
  version: '1.1' as const,
  prettyErrors: false,
  // go-yaml v2 leaves timestamps as strings when decoding into interface{}; the API wants strings.
  customTags: (tags: Tags): Tags => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function tooLargeMessage(bytes: number): string {
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `The manifest is ${mib(bytes)} MiB; the editor applies at most ${mib(MAX_MANIFEST_BYTES)} MiB at a time. Split it into smaller files.`;
}

/** Parses the whole text at once (tests, small texts). */
export function parseManifests(text: string): ParsedManifests {
  const steps = manifestSteps(text);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Parses document by document, giving the page a frame every few milliseconds,
 * so a multi-megabyte paste never freezes it.
 */
export async function parseManifestsAsync(text: string, sliceMs = 25): Promise<ParsedManifests> {
  const steps = manifestSteps(text);
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

/** The parse as a generator that yields after each document. */
function* manifestSteps(text: string): Generator<void, ParsedManifests, void> {
  const whole = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const bytes = byteLength(text);
  if (bytes > MAX_MANIFEST_BYTES) return { ok: false, problems: [{ message: tooLargeMessage(bytes), range: whole }] };

  const lines = new LineCounter();
  const source = sourceMap(lines, text);
  const composer = new Composer(PARSE_OPTIONS);
  const syntax: Problem[] = [];
  const checks: Problem[] = [];
  const objects: ManifestObject[] = [];
  let docIndex = 0;
  for (const doc of composer.compose(new Parser(lines.addNewLine).parse(text))) {
    const index = docIndex++;
    for (const err of doc.errors) {
      // yaml's error spans are often one character; the rest of the line is easier to see.
      syntax.push({ message: firstLine(err.message), range: source.rangeOf(err.pos[0], err.pos[0]) });
    }
    // Once the text has a syntax error, only syntax errors are worth reporting.
    if (!syntax.length) addDocument(objects, checks, source, index, doc.contents, doc.toJS({ maxAliasCount: 1000 }));
    yield;
  }
  if (syntax.length) return { ok: false, problems: syntax };
  if (checks.length) return { ok: false, problems: checks };
  return { ok: true, objects, source };
}

function addDocument(objects: ManifestObject[], problems: Problem[], source: SourceMap, docIndex: number, root: Node | null, value: unknown): void {
  // A document with only comments or `~` is skipped, as kubectl skips empty documents.
  if (root === null || value === null || value === undefined) return;
  if (!isMap(root) || !isPlainObject(value)) {
    problems.push(problemAt(source, root, 'a manifest document must be a mapping with apiVersion, kind and metadata'));
    return;
  }
  const itemsNode = root.get('items', true);
  if (value.kind === 'List' && isSeq(itemsNode)) {
    const items = Array.isArray(value.items) ? value.items : [];
    items.forEach((item, i) => {
      const node = itemsNode.items[i] as Node | undefined;
      if (node) addObject(objects, problems, source, docIndex, item, node);
    });
    return;
  }
  addObject(objects, problems, source, docIndex, value, root);
}

function addObject(
  objects: ManifestObject[],
  problems: Problem[],
  source: SourceMap,
  docIndex: number,
  value: unknown,
  node: Node,
): void {
  if (!isPlainObject(value)) {
    problems.push(problemAt(source, node, 'a manifest object must be a mapping with apiVersion, kind and metadata'));
    return;
  }
  // Mirrors kubectl's client-side checks (pkg/cmd/util validation: "error validating data").
  const missing: string[] = [];
  if (typeof value.apiVersion !== 'string' || !value.apiVersion) missing.push('apiVersion not set');
  if (typeof value.kind !== 'string' || !value.kind) missing.push('kind not set');
  if (missing.length) {
    problems.push(problemAt(source, node, `error validating data: [${missing.join(', ')}]`));
    return;
  }
  const meta = isPlainObject(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) {
    const msg = meta.generateName ? 'cannot use generate name with apply' : 'resource name may not be empty';
    problems.push(problemAt(source, node, msg, [{ kind: 'field', name: 'metadata' }]));
    return;
  }
  const obj: ManifestObject = {
    index: objects.length,
    docIndex,
    object: value,
    apiVersion: value.apiVersion as string,
    kind: value.kind as string,
    name,
    node,
  };
  if (typeof meta.namespace === 'string' && meta.namespace) obj.namespace = meta.namespace;
  objects.push(obj);
}

function problemAt(source: SourceMap, node: Node, message: string, steps: readonly PathStep[] = []): Problem {
  const at = locatePath(node, steps);
  const start = at?.start ?? 0;
  return { message, range: source.rangeOf(start, at?.end ?? start) };
}

function sourceMap(lines: LineCounter, text: string): SourceMap {
  const rangeOf = (start: number, end: number): SourceRange => {
    const s = lines.linePos(Math.min(start, text.length));
    // A marker covers at most its first line: multi-line values would paint half the document.
    const lineEnd = text.indexOf('\n', start);
    const clampedEnd = Math.max(start, Math.min(end, lineEnd < 0 ? text.length : lineEnd));
    // An empty span (an error about a whole object) underlines the rest of its first line.
    const e = lines.linePos(clampedEnd > start ? clampedEnd : lineEnd < 0 ? text.length : lineEnd);
    return { startLine: s.line, startColumn: s.col, endLine: e.line, endColumn: Math.max(e.col, s.col + 1) };
  };
  return {
    rangeOf,
    rangeOfPath(obj, steps) {
      const at = locatePath(obj.node, steps);
      const start = at?.start ?? obj.node.range?.[0] ?? 0;
      return rangeOf(start, at?.end ?? start);
    },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
