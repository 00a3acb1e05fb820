import { describe, expect, it } from 'vitest';
import { harness, memoryVolume } from '../testing';
import type { ContainerExit } from '../types';

describe('container processes', () => {
  it('sleep takes virtual time and costs one task per wake-up', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sh', '-c', 'echo start; sleep 30; echo end'] });
    let exit: ContainerExit | undefined;
    p.onExit((e) => { exit = e; });
    expect(h.stdout(p)).toBe('start\n');
    const pending = h.clock.pending();
    expect(pending).toBe(1);
    h.clock.runFor(29_999);
    expect(p.exited()).toBeUndefined();
    expect(h.stdout(p)).toBe('start\n');
    h.clock.runFor(1);
    expect(exit).toEqual({ exitCode: 0, reason: 'Completed' });
    expect(p.exited()).toEqual(exit);
    expect(p.logs.map((l) => l.time - p.startedAt)).toEqual([0, 30_000]);
  });

  it('onExit never runs inside start(), and a late registration is called at once', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['true'] });
    expect(p.exited()).toBeUndefined();
    h.waitExit(p);
    const seen: number[] = [];
    p.onExit((e) => seen.push(e.exitCode));
    expect(seen).toEqual([0]);
  });

  it('a non-zero exit is Error', () => {
    const h = harness();
    const p = h.run('alpine', { command: ['sh', '-c', 'echo oops >&2; exit 3'] });
    h.waitExit(p);
    expect(p.exited()).toEqual({ exitCode: 3, reason: 'Error' });
    expect(p.logs).toEqual([{ time: p.startedAt, stream: 'stderr', text: 'oops' }]);
  });

  it('a missing executable is a StartError', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['nosuch'] });
    h.waitExit(p);
    expect(p.exited()).toEqual({
      exitCode: 128,
      reason: 'StartError',
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown',
    });
  });

  it('the shell image default command exits at once (no tty)', () => {
    const h = harness();
    const p = h.run('busybox');
    h.waitExit(p, 1000);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
  });

  it('reads the termination message file on exit', () => {
    const h = harness();
    const p = h.run('debian', { command: ['/bin/sh'], args: ['-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'] });
    h.waitExit(p);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed', message: 'Sleep expired\n' });
    expect(p.exited()!.message).toBeDefined();
    const custom = h.run('busybox', { command: ['sh', '-c', 'echo bye > /tmp/msg; exit 1'], terminationMessagePath: '/tmp/msg' });
    h.waitExit(custom);
    expect(custom.exited()?.message).toBe('bye\n');
  });

  it('a shell as PID 1 ignores SIGTERM; SIGKILL ends it with 137', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sleep', '3600'] });
    p.signal('TERM');
    h.clock.runFor(30_000);
    expect(p.exited()).toBeUndefined();
    p.signal('KILL');
    h.clock.runFor(0);
    expect(p.exited()).toEqual({ exitCode: 137, reason: 'Error' });
  });

  it('nginx stops gracefully on its stop signal', () => {
    const h = harness();
    const p = h.run('nginx:1.27');
    expect(p.listening(80)).toBe(true);
    p.signal('TERM');
    h.waitExit(p, 1000);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
    expect(p.logs.some((l) => l.text.endsWith('signal 3 (SIGQUIT) received, shutting down'))).toBe(true);
    expect(p.listening(80)).toBe(false);
    expect(p.http({ method: 'GET', path: '/', port: 80 })).toBeUndefined();
  });

  it('is OOMKilled when usage exceeds the memory limit', () => {
    const h = harness();
    const p = h.run('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], memoryLimitBytes: 100 * 1024 * 1024 });
    expect(h.stdout(p)).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
    h.waitExit(p, 5000);
    expect(p.exited()).toEqual({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('stays up under its limit, with usage near what it allocated', () => {
    const h = harness();
    const p = h.run('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimitBytes: 200 * 1024 * 1024 });
    h.clock.runFor(60_000);
    expect(p.exited()).toBeUndefined();
    const mi = p.memoryBytes() / 1024 / 1024;
    expect(mi).toBeGreaterThan(140);
    expect(mi).toBeLessThan(160);
  });

  it('idle usage follows the image, with seeded noise', () => {
    const h = harness();
    const nginx = h.run('nginx');
    const bb = h.run('busybox', { command: ['sleep', '1d'] });
    const redis = h.run('redis');
    const mi = (b: number): number => b / 1024 / 1024;
    expect(mi(nginx.memoryBytes())).toBeGreaterThan(2.5);
    expect(mi(nginx.memoryBytes())).toBeLessThan(3.5);
    expect(mi(bb.memoryBytes())).toBeLessThan(1);
    expect(mi(redis.memoryBytes())).toBeGreaterThan(7);
    expect(nginx.cpuMillis()).toBeLessThanOrEqual(2);
    const again = harness().run('nginx');
    expect(again.memoryBytes()).toBe(nginx.memoryBytes());
  });

  it('CPU follows requests served (php-apache)', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/hpa-example', { cpuLimitMillis: 500 });
    expect(p.cpuMillis()).toBeLessThan(5);
    // Within its quota a request takes its CPU time (18 ms) plus the round trip.
    expect(p.http({ method: 'GET', path: '/', port: 80 })?.elapsedMs).toBe(19);
    for (let i = 0; i < 400; i++) expect(p.http({ method: 'GET', path: '/', port: 80 })?.body).toBe('OK!');
    expect(p.cpuMillis()).toBe(500);
    // Asking for more than its 500m limit, the container is throttled: each request stretches.
    expect(p.http({ method: 'GET', path: '/', port: 80 })!.elapsedMs!).toBeGreaterThan(19);
    h.clock.runFor(11_000);
    expect(p.cpuMillis()).toBeLessThan(5);
  });

  it('wget waits for a slow answer in virtual time; a line without newline is kept in parts', () => {
    const h = harness();
    const server = h.run('registry.k8s.io/hpa-example', { cpuLimitMillis: 500 });
    const client = h.run('busybox', {
      command: ['sh', '-c', 'while sleep 0.01; do wget -q -O- http://10.96.0.20; done'],
      network: { resolve: () => undefined, http: () => server.http({ method: 'GET', path: '/', port: 80 }) ?? { error: 'refused' as const }, connect: () => 'open' as const },
    });
    h.clock.runFor(2_900);
    // 10 ms sleep + 19 ms answer: 100 answers in 2.9 s.
    const served = server.logs.filter((l) => l.stream === 'stdout').length;
    expect(served).toBeGreaterThanOrEqual(98);
    expect(served).toBeLessThanOrEqual(101);
    expect(client.logs.length).toBe(0);
    const printer = h.run('busybox', { command: ['sh', '-c', 'while true; do printf OK!; done'] });
    h.clock.runFor(6_000);
    // containerd keeps a line that never ends as parts of 16 KiB.
    expect(printer.logs.length).toBeGreaterThan(0);
    expect(printer.logs[0].text).toBe('OK!'.repeat(16 * 1024 / 3 + 1).slice(0, 16 * 1024));
  });

  it('exec: ls, cat, env, ps, hostname, date', () => {
    const h = harness();
    const config = memoryVolume({ 'game.properties': 'lives=3\n', 'ui.properties': 'color=blue\n' }, { readOnly: true, atomic: true });
    const p = h.run('busybox', { command: ['sleep', '3600'], podName: 'web', env: [['MODE', 'demo']], mounts: [{ path: '/etc/config', volume: config, readOnly: true }] });
    expect(p.exec(['ps']).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n');
    // Each exec is a new process, with the next PID.
    expect(p.exec(['ps']).stdout).toContain('    8 root      0:00 ps\n');
    expect(p.exec(['ls', '/etc/config']).stdout).toBe('game.properties\nui.properties\n');
    expect(p.exec(['cat', '/etc/config/game.properties']).stdout).toBe('lives=3\n');
    expect(p.exec(['cat', '/etc/hostname']).stdout).toBe('web\n');
    expect(p.exec(['env']).stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=web\nMODE=demo\nHOME=/root\n');
    expect(p.exec(['hostname']).stdout).toBe('web\n');
    expect(p.exec(['date']).stdout).toBe('Mon Aug 12 10:22:43 UTC 2024\n');
    const long = p.exec(['ls', '-l', '/etc/config']).stdout;
    expect(long).toBe('total 0\nlrwxrwxrwx    1 root     root            22 Aug 12 10:22 game.properties -> ..data/game.properties\nlrwxrwxrwx    1 root     root            20 Aug 12 10:22 ui.properties -> ..data/ui.properties\n');
    expect(p.exec(['sh', '-c', 'echo x > /etc/config/new']).stderr).toBe("sh: can't create /etc/config/new: Read-only file system\n");
    expect(p.exec(['cat', '/etc/hosts']).stdout).toContain('10.244.1.5\tweb\n');
    const missing = p.exec(['curl', 'x']);
    expect(missing.error).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown');
  });

  it('each container has its own writable layer; volumes are shared', () => {
    const h = harness();
    const shared = memoryVolume();
    const a = h.run('busybox', { command: ['sleep', '1d'], mounts: [{ path: '/shared', volume: shared, readOnly: false }] });
    const b = h.run('busybox', { command: ['sleep', '1d'], mounts: [{ path: '/shared', volume: shared, readOnly: false }] });
    a.exec(['sh', '-c', 'echo mine > /tmp/own; echo ours > /shared/file; rm /etc/passwd']);
    expect(b.exec(['cat', '/tmp/own']).exitCode).toBe(1);
    expect(b.exec(['cat', '/shared/file']).stdout).toBe('ours\n');
    expect(a.exec(['cat', '/etc/passwd']).exitCode).toBe(1);
    expect(b.exec(['cat', '/etc/passwd']).exitCode).toBe(0);
  });

  it('execOnClock lets sleeps take virtual time', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sleep', '1d'] });
    let result: { stdout: string; exitCode: number } | undefined;
    p.execOnClock!(['sh', '-c', 'sleep 5; echo woke'], (r) => { result = r; });
    h.clock.runFor(4_999);
    expect(result).toBeUndefined();
    h.clock.runFor(1);
    expect(result).toMatchObject({ stdout: 'woke\n', exitCode: 0 });
  });

  it('a busy loop in the main process advances time instead of hanging', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sh', '-c', 'while true; do :; done'] });
    h.clock.runFor(1_000);
    expect(p.exited()).toBeUndefined();
    expect(p.cpuMillis()).toBeGreaterThan(90);
  });

  it('a command script mounted from a volume runs through its #! line', () => {
    const h = harness();
    const scripts = memoryVolume({ 'run.sh': '#!/bin/sh\necho from script "$1"\n' });
    const p = h.run('busybox', { command: ['/scripts/run.sh', 'arg'], mounts: [{ path: '/scripts', volume: scripts, readOnly: true }] });
    h.waitExit(p);
    expect(h.stdout(p)).toBe('from script arg\n');
  });
});
