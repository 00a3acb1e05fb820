/**
 * Reads JSDoc from the `kubernetes-types` package (v1.30, generated from the
 * upstream OpenAPI spec). We use it only where client-node lost text:
 * descriptions of fields whose type is another definition, and of the
 * apimachinery types client-node has no class for.
 */
import fs from 'node:fs';
import path from 'node:path';

function docText(lines) {
  return lines
    .map((l) => l.trim().replace(/^\/\*\*\s?/, '').replace(/\s?\*\/$/, '').replace(/^\*\s?/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Map 'apps/v1' → { types: Map<name, desc>, fields: Map<'Type.field', desc> }. */
export function readKubernetesTypes(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d.ts')) out.set(path.relative(root, p).replace(/\.d\.ts$/, ''), readFile(p));
    }
  };
  walk(root);
  return out;
}

function readFile(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const types = new Map();
  const fields = new Map();
  let current = null;
  let doc = null;
  let buf = [];
  for (const raw of lines) {
    const l = raw.trim();
    if (buf.length || l.startsWith('/**')) {
      buf.push(l);
      if (l.endsWith('*/')) {
        doc = docText(buf);
        buf = [];
      }
      continue;
    }
    const decl = l.match(/^export (?:interface|type) (\w+)/);
    if (decl) {
      if (doc !== null) types.set(decl[1], doc);
      current = l.endsWith('{') ? decl[1] : null;
      doc = null;
      continue;
    }
    if (l === '}') current = null;
    const field = l.match(/^(\w+)\??: /);
    if (field && current && doc !== null) fields.set(`${current}.${field[1]}`, doc);
    doc = null;
  }
  return { types, fields };
}
