/**
 * `kubectl attach POD|TYPE/NAME [-c C] [-i] [-t]`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go (v1.32) Run; the
 * stream itself is the container's followed output (see cli/attach.ts).
 */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { podFor, defaultContainer } from '../cli/podFor';
import { followContainer } from '../cli/attach';

export const attachCommand: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  completeArgs: 'pods',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.args.length === 0) throw new KubectlError(`error: at least 1 argument is required for attach\nSee 'kubectl attach -h' for help and examples`);
    if (f.args.length > 2) throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${f.args.length}: [${f.args.join(' ')}]\nSee 'kubectl attach -h' for help and examples`);
    const arg = f.args.length === 2 ? `${f.args[0]}/${f.args[1]}` : f.args[0];
    const pod = await podFor(ctx, arg, 'exec');
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    const name = f.string('container') || defaultContainer(ctx, pod, 'exec');
    const spec = (pod.spec?.containers ?? []).find((c) => c.name === name) as { tty?: boolean } | undefined;
    if (!spec) throw new KubectlError(`error: cannot attach to the container: container ${name} not found in pod ${pod.metadata.name}`);
    const quiet = f.bool('quiet');
    let tty = f.bool('tty');
    if (tty && !spec.tty) {
      tty = false;
      if (!quiet) ctx.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
    } else if (!tty && spec.tty) tty = true;
    if (tty && f.bool('stdin') && !quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    if (!quiet) ctx.err(`If you don't see a command prompt, try pressing enter.\n`);
    await followContainer(ctx, pod, name);
  },
};
