/**
 * Reads the generated TypeScript client of @kubernetes/client-node:
 * model classes (fields, types, formats, descriptions, required-ness) and
 * the group-version API classes (REST paths, request/response models).
 */
import fs from 'node:fs';
import path from 'node:path';

/** openapi-generator escapes quotes, backslashes and comment terminators. */
export function unescapeDoc(s) {
  return s
    .replace(/\\\\\\\\/g, '\\')
    .replace(/\\(['"\\])/g, '$1')
    .replace(/\*_\//g, '*/')
    .replace(/\/_\*/g, '/*')
    .trim();
}

function readComment(lines, end) {
  // `end` is the index of the line holding `*/`; walk back to `/**`.
  const body = [];
  for (let i = end; i >= 0; i--) {
    const l = lines[i].trim();
    if (l.startsWith('/**')) break;
    if (l === '*/') continue;
    body.unshift(l.replace(/^\*\s?/, ''));
  }
  return unescapeDoc(body.join('\n'));
}

/** One model: its class description and per-field attribute info. */
function readModel(dir, name) {
  const js = fs.readFileSync(path.join(dir, `${name}.js`), 'utf8');
  const start = js.indexOf(`${name}.attributeTypeMap = `);
  if (start < 0) throw new Error(`no attributeTypeMap in ${name}`);
  const from = js.indexOf('[', start);
  const to = js.indexOf('\n];', from);
  const attrs = JSON.parse(js.slice(from, to + 2));

  const lines = fs.readFileSync(path.join(dir, `${name}.d.ts`), 'utf8').split('\n');
  let description = '';
  const fields = new Map();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l.startsWith(`export declare class ${name}`)) {
      if (lines[i - 1].trim() === '*/') description = readComment(lines, i - 1);
      continue;
    }
    const m = l.match(/^'([^']+)'(\?)?: /);
    if (m) {
      const doc = lines[i - 1].trim() === '*/' ? readComment(lines, i - 1) : '';
      fields.set(m[1], { required: !m[2], description: doc });
    }
  }
  return {
    name,
    description,
    attributes: attrs.map((a) => ({ ...a, ...(fields.get(a.name) ?? { required: false, description: '' }) })),
  };
}

export function readModels(genDir) {
  const dir = path.join(genDir, 'models');
  const serializer = fs.readFileSync(path.join(dir, 'ObjectSerializer.js'), 'utf8');
  const block = serializer.slice(serializer.indexOf('let typeMap = {'), serializer.indexOf('};', serializer.indexOf('let typeMap = {')));
  // The typeMap is the package's own list of current models; stale files
  // left in the folder by earlier generations are not in it.
  const names = [...block.matchAll(/^\s+"(\w+)": \w+,?$/gm)].map((m) => m[1]);
  const models = new Map();
  for (const n of names) models.set(n, readModel(dir, n));
  return models;
}

const TYPE_IN_CALL = /ObjectSerializer\.(?:serialize|deserialize)\([^\n]*?, "([^"]+)", ""\)/g;

/** Group-version API classes exported by the package, with the models they use. */
export function readApis(genDir) {
  const index = fs.readFileSync(path.join(genDir, 'index.js'), 'utf8');
  const exported = [...index.matchAll(/Object(\w+Api) as /g)].map((m) => m[1]);
  const apis = [];
  for (const cls of exported) {
    const js = fs.readFileSync(path.join(genDir, 'apis', `${cls}.js`), 'utf8');
    const paths = [...js.matchAll(/const localVarPath = '([^']+)'/g)].map((m) => m[1]);
    const types = new Set();
    for (const m of js.matchAll(TYPE_IN_CALL)) types.add(m[1]);
    // Group-level APIs (`/apis/apps/`, `/version/`) serve only meta types.
    const gvPath = /V\d+(alpha\d+|beta\d+)?Api$/.test(cls) && paths.map((p) => p.match(/^\/(api\/v1|apis\/[^/]+\/[^/]+)\//)).find(Boolean);
    if (!gvPath) {
      apis.push({ cls, group: null, version: null, types: [...types].sort() });
      continue;
    }
    const parts = gvPath[1].split('/');
    const group = parts[0] === 'api' ? '' : parts[1];
    const version = parts[parts.length - 1];
    apis.push({ cls, group, version, types: [...types].sort() });
  }
  return apis;
}

/** Query-parameter descriptions from the API docs (`@param dryRun ...`). */
export function readParamDocs(genDir) {
  const js = fs.readFileSync(path.join(genDir, 'apis', 'AppsV1Api.js'), 'utf8');
  const docs = {};
  for (const m of js.matchAll(/^\s+\* @param (\w+) (.+)$/gm)) {
    const text = unescapeDoc(m[2].replace(/&#39;/g, "'").replace(/\\&/g, '&'));
    if (!(m[1] in docs)) docs[m[1]] = text;
  }
  return docs;
}
