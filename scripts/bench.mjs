/**
 * `npm run bench`: bundles bench/run.ts the way the playground ships (one
 * esbuild bundle, no dev-time transform per module) and runs it with
 * `--expose-gc`, so the heap figures are taken after a full collection.
 * Arguments after `--` go to the benchmarks (`--json`).
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}node_modules/.cache/bench/run.mjs`;
await build({ entryPoints: [`${root}bench/run.ts`], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
