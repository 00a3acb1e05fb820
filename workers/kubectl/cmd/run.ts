/** `kubectl run NAME --image=IMAGE`: one pod. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/run/run.go. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, dryRunOf, dryRunSuffix, req, withTypeMeta } from '../cli/common';
import { resolveType, kindPrefix } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';
import { podObject, serviceObject } from './generators';
import { responseErrorText, usageError } from '../cli/errors';
import { parseGoDuration } from './logs';
import { runAttached } from './runAttached';

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'command', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
    { name: 'save-config', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'force', type: 'bool' },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'wait', type: 'bool' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.args.length === 0) throw new KubectlError(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
    const image = f.string('image');
    if (!f.changed('image')) throw new KubectlError('error: required flag(s) "image" not set');
    if (!image) throw new KubectlError(`error: --image is required\nSee 'kubectl run -h' for help and examples`);
    const restart = f.string('restart');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
    const format = parseOutput(f.string('output'), false);
    const dry = dryRunOf(ctx);
    const interactive = f.bool('stdin');
    const tty = f.bool('tty');
    const attach = f.changed('attach') ? f.bool('attach') : interactive;
    if (tty && !interactive) throw usageError('run', '-i/--stdin is required for containers with -t/--tty=true');
    if (!attach && f.bool('rm')) throw usageError('run', '--rm should only be used for attached containers');
    if (attach && dry !== 'none') throw usageError('run', "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const timeout = parseGoDuration(f.string('pod-running-timeout'));
    if (timeout === undefined || timeout <= 0) throw usageError('run', `${timeout === undefined ? `time: invalid duration ${JSON.stringify(f.string('pod-running-timeout'))}` : '--pod-running-timeout must be higher than zero'}`);
    const name = f.args[0];
    const dash = f.argsLenAtDash;
    const args = dash >= 0 ? f.args.slice(dash) : f.args.slice(1);
    if (dash < 0 && f.args.length > 1 && !f.bool('command')) {
      // Extra words without `--` are container args, as upstream treats them.
    }
    const labels: Record<string, string> = {};
    if (f.string('labels')) {
      for (const pair of f.string('labels').split(',')) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${pair}`);
        labels[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
    } else labels.run = name;
    const env = f.strings('env').map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlError(`error: invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
    let port: number | undefined;
    if (f.string('port')) {
      port = Number(f.string('port'));
      if (!Number.isInteger(port)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(f.string('port'))}: invalid syntax`);
    }
    if (f.bool('expose') && port === undefined) throw new KubectlError(`error: --port must be set when exposing a service`);
    const pod = podObject({ name, namespace: ctx.explicitNamespace ? ctx.namespace : undefined, image, labels, restart, port, env, args, command: f.bool('command'), pullPolicy: f.string('image-pull-policy') || undefined });
    // generateversioned/run.go: stdin, stdinOnce unless --leave-stdin-open, tty.
    const container = (pod.spec as { containers: Record<string, unknown>[] }).containers[0];
    if (interactive) container.stdin = true;
    if (interactive && !f.bool('leave-stdin-open')) container.stdinOnce = true;
    if (tty) container.tty = true;
    const d = await ctx.discovery();
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format);
    const send = async (resource: string, obj: Record<string, unknown>) => {
      const r = resolveType(d, resource);
      let result = obj;
      if (dry !== 'client') {
        const res = await ctx.client.request(req(r, 'create', { namespace: ctx.namespace, body: obj, query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
        if (res.status >= 300) throw new KubectlError(responseErrorText(res));
        result = res.body as Record<string, unknown>;
      }
      return () => {
        if (printer) ctx.out(printer.print({ object: withTypeMeta(result, r), kindPrefix: kindPrefix(r) }));
        else ctx.out(`${kindPrefix(r)}/${name} created${dryRunSuffix(dry)}\n`);
      };
    };
    const created: { resource: string; name: string }[] = [];
    if (f.bool('expose')) {
      const svc = serviceObject({ name, namespace: ctx.explicitNamespace ? ctx.namespace : undefined, type: 'ClusterIP', ports: [{ port, protocol: 'TCP', targetPort: port }] });
      (svc.metadata as Record<string, unknown>).labels = undefined;
      (svc.spec as Record<string, unknown>).selector = labels;
      delete (svc.spec as Record<string, unknown>).type;
      (await send('services', svc))();
      created.push({ resource: 'services', name });
    }
    const printPod = await send('pods', pod);
    created.push({ resource: 'pods', name });
    if (!attach) return printPod();
    return runAttached(ctx, { name, restart, tty, interactive, timeoutMs: (timeout ?? 60) * 1000, created });
  },
};
