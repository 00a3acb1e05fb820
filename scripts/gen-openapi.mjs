#!/usr/bin/env node
/**
 * Generates workers/api/openapi/generated/ — the Kubernetes v1.32 OpenAPI
 * definitions our API server serves and decodes with.
 *
 * Source: @kubernetes/client-node@1.0.0 (Apache-2.0), generated from the
 * v1.32.0 spec; kubernetes-types@1.30.0 (Apache-2.0) fills in descriptions
 * client-node dropped. Patch/list semantics come from the hand-kept table in
 * gen-openapi/patch-meta.mjs. Re-running reproduces the output byte for byte.
 *
 * Usage: node scripts/gen-openapi.mjs [--check]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApis, readModels, readParamDocs } from './gen-openapi/client-node.mjs';
import { readKubernetesTypes } from './gen-openapi/kubernetes-types.mjs';
import { buildDefinitions } from './gen-openapi/build-definitions.mjs';

const PACKAGES = { clientNode: '@kubernetes/client-node@1.0.0', kubernetesTypes: 'kubernetes-types@1.30.0' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'workers/api/openapi/generated');

function unpack(spec, tmp) {
  const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
  const dir = path.join(tmp, file.replace(/\.tgz$/, ''));
  fs.mkdirSync(dir);
  execFileSync('tar', ['xzf', path.join(tmp, file), '-C', dir]);
  return path.join(dir, 'package');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-openapi-'));
try {
  const clientNode = unpack(PACKAGES.clientNode, tmp);
  const kubernetesTypes = unpack(PACKAGES.kubernetesTypes, tmp);
  const gen = path.join(clientNode, 'dist/gen');

  const models = readModels(gen);
  const apis = readApis(gen);
  const types = readKubernetesTypes(kubernetesTypes);
  const intOrStringDescription = models.get('V1RollingUpdateDeployment').attributes.find((a) => a.baseName === 'maxSurge').description;
  const definitions = buildDefinitions({ models, apis, types, intOrStringDescription });

  const paramDocs = readParamDocs(gen);
  const parameters = Object.fromEntries(
    ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'gracePeriodSeconds', 'orphanDependents', 'pretty', 'propagationPolicy', 'labelSelector', 'fieldSelector', 'limit', '_continue', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch', 'allowWatchBookmarks', 'ignoreStoreReadErrorWithClusterBreakingPotential']
      .map((p) => [p === '_continue' ? 'continue' : p, paramDocs[p]])
      .filter(([, d]) => d),
  );

  const files = {
    'definitions.json': JSON.stringify(definitions),
    'parameters.json': JSON.stringify(parameters),
  };
  const check = process.argv.includes('--check');
  let stale = false;
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(outDir, name);
    const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
    if (check) {
      if (!same) {
        stale = true;
        console.error(`${name} is out of date`);
      }
    } else if (!same) fs.writeFileSync(file, text);
    console.log(`${name}: ${Object.keys(JSON.parse(text)).length} entries, ${(text.length / 1024).toFixed(0)} KiB`);
  }
  if (stale) process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
