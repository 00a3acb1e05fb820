/** Parity checks shared by the parity suites: real kubectl 1.32 against the host, ours against the same cluster. */
import { expect } from 'vitest';
import type { TestHost } from '../../host/testing/kubectl';
import type { KubectlClient } from '../client';
import { run } from './run';

/** Polls `ok` every 50 ms; throws `timed out waiting for <what>` after `ms` of wall time. */
export async function until(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `same` and `sameShape` for a host and client that the suite sets up in beforeAll. */
export function parity(host: () => TestHost, client: () => KubectlClient) {
  /** Both print the same stdout, stderr and exit code. */
  async function same(args: string[]): Promise<void> {
    const real = await host().kubectl(args);
    const ours = await run(client(), args);
    expect({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }, `kubectl ${args.join(' ')}`).toEqual({ code: real.code, stdout: real.stdout, stderr: real.stderr });
  }

  /** Mutations: real kubectl acts on one object, ours on its twin; outputs must match once the names are swapped. */
  async function sameShape(realArgs: string[], oursArgs: string[], names: [string, string][], files?: Record<string, string>): Promise<void> {
    const real = await host().kubectl(realArgs);
    const ours = await run(client(), oursArgs, { files });
    const swap = (t: string) => names.reduce((acc, [a, b]) => acc.split(b).join(a), t);
    expect({ code: ours.code, stdout: swap(ours.stdout), stderr: swap(ours.stderr) }, `kubectl ${oursArgs.join(' ')}`).toEqual({ code: real.code, stdout: real.stdout, stderr: real.stderr });
  }

  return { same, sameShape };
}
