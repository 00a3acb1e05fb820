/**
 * `kubectl exec POD [-c C] -- CMD ARGS`, run once (no TTY); with -i the
 * terminal's piped text is the command's stdin. A non-zero exit prints
 * "command terminated with exit code N" and exits with N, as upstream.
 */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { podFor, defaultContainer } from '../cli/podFor';

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  completeArgs: 'pods',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const dash = f.argsLenAtDash;
    if (f.args.length === 0 || dash === 0) throw new KubectlError(`error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples`);
    const command = dash >= 0 ? f.args.slice(dash) : f.args.slice(1);
    if (dash < 0 && f.args.length > 1) throw new KubectlError(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
    if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
    const pod = await podFor(ctx, f.args[0], 'exec');
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = f.string('container') || defaultContainer(ctx, pod, 'exec');
    // exec.go SetupTTY: the terminal hands kubectl its input as text, never as a
    // terminal, so -it runs without a TTY, as kubectl does with piped input.
    if (f.bool('tty') && f.bool('stdin') && !f.bool('quiet')) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    const body: { command: string[]; stdin?: string } = { command };
    if (f.bool('stdin') && ctx.io.stdin !== undefined) body.stdin = ctx.io.stdin;
    const r = await ctx.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'exec', query: { container, stdout: 'true', stderr: 'true', ...(body.stdin !== undefined ? { stdin: 'true' } : {}) }, body });
    if (r.status >= 300) {
      const msg = (r.body as { message?: string } | undefined)?.message ?? '';
      if (r.status === 400 || r.status === 500) throw new KubectlError(`error: ${msg}`);
      throw new KubectlError(responseErrorText(r));
    }
    const out = r.body as { stdout?: string; stderr?: string; exitCode?: number };
    if (out.stdout) ctx.out(out.stdout);
    if (out.stderr) ctx.err(out.stderr);
    const code = out.exitCode ?? 0;
    if (code !== 0) throw new KubectlError(`command terminated with exit code ${code}`, code);
  },
};
