/** `kubectl version`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/version/version.go. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { nonResourceRequest } from '../nonResource';
import { toYaml } from '../output/yaml/toYaml';

/** This kubectl's build: it mirrors v1.32 (the Go build details are ours). */
export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: 'kube-playground',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'js/wasm',
};
export const KUSTOMIZE_VERSION = 'v5.5.0';

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const output = f.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    let serverError: string | undefined;
    if (!f.bool('client')) {
      const r = await ctx.client.request(nonResourceRequest('/version'));
      if (r.status === 200) info.serverVersion = r.body;
      else serverError = 'error: the server could not find the requested resource';
    }
    if (output === 'json') ctx.out(`${JSON.stringify(info, null, 2)}\n`);
    else if (output === 'yaml') ctx.out(toYaml(info));
    else {
      ctx.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (info.serverVersion) ctx.out(`Server Version: ${(info.serverVersion as { gitVersion: string }).gitVersion}\n`);
    }
    if (serverError) throw new KubectlError(serverError);
  },
};
