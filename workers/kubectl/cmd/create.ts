/**
 * `kubectl create -f` and the create generators (deployment, service *,
 * configmap, secret generic, namespace, job). Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/create: "<kind>/<name> created", each
 * generator's own wording for failures.
 */
import type { Command, Ctx } from '../cli/command';
import { KubectlError, responseErrorText, statusOf, ApiError, errorText } from '../cli/errors';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, req, withTypeMeta } from '../cli/common';
import { resolveType, kindPrefix, type ApiResource } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';
import { readManifests } from '../apply/manifests';
import { placeManifest, sourceError, withLastApplied } from './apply';
import { configMapObject, deploymentObject, jobObject, namespaceObject, parseLiterals, secretObject, serviceObject, servicePorts } from './generators';

const GEN_FLAGS = [DRY_RUN_FLAG, ...PRINT_FLAGS, { name: 'field-manager', type: 'string' as const, default: 'kubectl-create' }, { name: 'save-config', type: 'bool' as const }, { name: 'validate', type: 'string' as const, default: 'strict', noOptDefault: 'strict' }];

/** Send (or with --dry-run=client only print) one generated object. `wrap` words a server failure. */
async function createGenerated(ctx: Ctx, resourceName: string, obj: Record<string, unknown>, wrap: (msg: string, r: ReturnType<typeof statusOf>) => string): Promise<void> {
  const f = ctx.flags;
  const format = parseOutput(f.string('output'), false);
  const dry = dryRunOf(ctx);
  const d = await ctx.discovery();
  const r = resolveType(d, resourceName);
  const name = (obj.metadata as { name: string }).name;
  const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format, f.bool('show-managed-fields'));
  let body = obj;
  if (f.bool('save-config')) body = withLastApplied(obj).object;
  let result = body;
  if (dry !== 'client') {
    const res = await ctx.client.request(req(r, 'create', { namespace: r.namespaced ? ctx.namespace : undefined, body, query: { fieldManager: f.string('field-manager'), fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
    for (const w of res.warnings ?? []) ctx.err(`Warning: ${w}\n`);
    if (res.status >= 300) {
      const s = statusOf(res);
      throw new KubectlError(wrap(s.message ?? '', s));
    }
    result = res.body as Record<string, unknown>;
  }
  if (printer) ctx.out(printer.print({ object: withTypeMeta(result, r), kindPrefix: kindPrefix(r) }));
  else ctx.out(`${kindPrefix(r)}/${name} created${dryRunSuffix(dry)}\n`);
}

function one(ctx: Ctx, what: string): string {
  const a = ctx.flags.args;
  if (a.length === 0) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${what} -h' for help and examples`);
  if (a.length > 1 && ctx.flags.argsLenAtDash !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${a.length}\nSee 'kubectl create ${what} -h' for help and examples`);
  return a[0];
}

function nsOf(ctx: Ctx): string | undefined {
  return ctx.explicitNamespace ? ctx.namespace : undefined;
}

const standard = (s: ReturnType<typeof statusOf>) => errorText(new ApiError(s));

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [...GEN_FLAGS, { name: 'image', type: 'strings' }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
  async run(ctx) {
    const f = ctx.flags;
    if (!f.changed('image')) throw new KubectlError('error: required flag(s) "image" not set');
    const name = one(ctx, 'deployment');
    const dash = f.argsLenAtDash;
    const command = dash >= 0 ? f.args.slice(dash) : [];
    if (command.length && f.strings('image').length > 1) throw new KubectlError('error: cannot specify multiple --image options and command');
    const obj = deploymentObject({ name, namespace: nsOf(ctx), images: f.strings('image'), replicas: f.int('replicas'), port: f.int('port'), command });
    await createGenerated(ctx, 'deployments.apps', obj, (m, s) => (s.reason === 'Invalid' ? standard(s) : `error: failed to create deployment: ${m}`));
  },
};

function serviceCommand(sub: string, type: string): Command {
  const flags = [...GEN_FLAGS, { name: 'tcp', type: 'strings' as const }];
  if (type === 'ClusterIP') flags.push({ name: 'clusterip', type: 'string' } as never);
  if (type === 'NodePort') flags.push({ name: 'node-port', type: 'int', default: 0 } as never);
  if (type === 'ExternalName') flags.push({ name: 'external-name', type: 'string' } as never);
  return {
    name: sub,
    short: `Create a ${sub} service`,
    flags,
    async run(ctx) {
      const f = ctx.flags;
      const name = one(ctx, `service ${sub}`);
      if (type === 'ExternalName' && !f.string('external-name')) throw new KubectlError('error: required flag(s) "external-name" not set');
      const tcp = f.strings('tcp');
      if (type !== 'ExternalName' && tcp.length === 0 && f.string('clusterip') !== 'None') throw new KubectlError(`error: at least one tcp port specifier must be provided\nSee 'kubectl create service ${sub} -h' for help and examples`);
      const obj = serviceObject({ name, namespace: nsOf(ctx), type, ports: servicePorts(tcp, type), clusterIP: f.string('clusterip') || undefined, externalName: f.string('external-name') || undefined, nodePort: f.int('node-port') || undefined });
      await createGenerated(ctx, 'services', obj, (m, s) => (s.reason === 'Invalid' ? standard(s) : `error: failed to create ${type} service: ${m}`));
    },
  };
}

const service: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [serviceCommand('clusterip', 'ClusterIP'), serviceCommand('externalname', 'ExternalName'), serviceCommand('loadbalancer', 'LoadBalancer'), serviceCommand('nodeport', 'NodePort')],
};

const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [...GEN_FLAGS, { name: 'from-literal', type: 'stringArray' }, { name: 'from-file', type: 'strings' }, { name: 'from-env-file', type: 'strings' }, { name: 'append-hash', type: 'bool' }],
  async run(ctx) {
    const name = one(ctx, 'configmap');
    const data = parseLiterals(ctx.flags.strings('from-literal'), 'data');
    for (const file of ctx.flags.strings('from-file')) {
      const eq = file.indexOf('=');
      const key = eq > 0 ? file.slice(0, eq) : (file.split('/').pop() ?? file);
      const path = eq > 0 ? file.slice(eq + 1) : file;
      const text = ctx.io.readFile(path);
      if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
      data[key] = text;
    }
    await createGenerated(ctx, 'configmaps', configMapObject({ name, namespace: nsOf(ctx), data }), (m, s) => (s.reason === 'Invalid' ? standard(s) : `error: failed to create configmap: ${m}`));
  },
};

const secretGeneric: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [...GEN_FLAGS, { name: 'from-literal', type: 'stringArray' }, { name: 'from-file', type: 'strings' }, { name: 'type', type: 'string' }, { name: 'append-hash', type: 'bool' }],
  async run(ctx) {
    const name = one(ctx, 'secret generic');
    const data = parseLiterals(ctx.flags.strings('from-literal'), 'data');
    await createGenerated(ctx, 'secrets', secretObject({ name, namespace: nsOf(ctx), data, type: ctx.flags.string('type') || undefined }), (m, s) => (s.reason === 'Invalid' ? standard(s) : `error: failed to create secret ${m}`));
  },
};

const secret: Command = { name: 'secret', short: 'Create a secret using a specified subcommand', subcommands: [secretGeneric] };

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: GEN_FLAGS,
  async run(ctx) {
    const name = one(ctx, 'namespace');
    await createGenerated(ctx, 'namespaces', namespaceObject(name), (_m, s) => standard(s));
  },
};

const job: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [...GEN_FLAGS, { name: 'image', type: 'string' }, { name: 'from', type: 'string' }],
  async run(ctx) {
    const f = ctx.flags;
    const name = one(ctx, 'job');
    if (!f.string('image') && !f.string('from')) throw new KubectlError(`error: either --image or --from must be specified\nSee 'kubectl create job -h' for help and examples`);
    const dash = f.argsLenAtDash;
    const command = dash >= 0 ? f.args.slice(dash) : [];
    if (f.string('from')) throw new KubectlError('error: --from is not available in this playground');
    await createGenerated(ctx, 'jobs.batch', jobObject({ name, namespace: nsOf(ctx), image: f.string('image'), command }), (m, s) => (s.reason === 'Invalid' ? standard(s) : `error: failed to create job: ${m}`));
  },
};

/** `kubectl create -f FILE`: every object in the files, errors collected. */
async function createFromFiles(ctx: Ctx): Promise<void> {
  const f = ctx.flags;
  const format = parseOutput(f.string('output'), false);
  const dry = dryRunOf(ctx);
  const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format, f.bool('show-managed-fields'));
  const errors: string[] = [];
  const manifests = readManifests(ctx, f.strings('filename'));
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to create');
  for (const m of manifests) {
    const { resource: r, namespace, object } = await placeManifest(ctx, m);
    const body = f.bool('save-config') ? withLastApplied(object).object : object;
    let result: Record<string, unknown> = body;
    if (dry !== 'client') {
      const res = await ctx.client.request(req(r, 'create', { namespace, body, query: { fieldManager: f.string('field-manager'), fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
      for (const w of res.warnings ?? []) ctx.err(`Warning: ${w}\n`);
      if (res.status >= 300) {
        errors.push(sourceError('creating', m.source, res));
        continue;
      }
      result = res.body as Record<string, unknown>;
    }
    const name = (result.metadata as { name?: string } | undefined)?.name ?? m.name;
    if (printer) ctx.out(printer.print({ object: withTypeMeta(result, r as ApiResource), kindPrefix: kindPrefix(r) }));
    else ctx.out(`${kindPrefix(r)}/${name} created${dryRunSuffix(dry)}\n`);
  }
  if (errors.length) throw new KubectlError(errors.join('\n'));
}

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [FILENAME_FLAG, ...GEN_FLAGS, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }],
  subcommands: [configmap, deployment, job, namespace, secret, service],
  async run(ctx) {
    if (!ctx.flags.strings('filename').length) {
      if (ctx.flags.args.length) throw new KubectlError(`error: Unexpected args: [${ctx.flags.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
      throw new KubectlError(`error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples`);
    }
    void responseErrorText;
    await createFromFiles(ctx);
  },
};
