import { describe, expect, it } from 'vitest';
import { harness } from '../testing';
import { ContainerFs, ImageLayer } from './filesystem';
import { Usage } from './usage';

describe('container state made on first use', () => {
  it('files the kubelet wrote keep the start time as their mtime, however late they are first looked at', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sleep', '3600'], podName: 'late' });
    const started = p.startedAt;
    h.clock.runFor(10 * 60_000);
    const ls = p.exec(['ls', '-l', '/etc/hostname']);
    const hh = new Date(started).toISOString().slice(11, 16);
    expect(ls.stdout).toContain(hh);
    expect(p.exec(['cat', '/etc/hostname']).stdout).toBe('late\n');
    // A file written now carries the time of the write.
    p.exec(['sh', '-c', 'echo x > /tmp/new']);
    expect(p.exec(['ls', '-l', '/tmp/new']).stdout).toContain(new Date(h.clock.now()).toISOString().slice(11, 16));
  });

  it('ContainerFs stamps seed files with the given time and later writes with the clock', () => {
    let now = 5_000;
    const fs = new ContainerFs(new ImageLayer({ '/etc/': '' }), { '/etc/hosts': 'h', '/dev/termination-log': '' }, [], { now: () => now }, 1_000);
    now = 9_000;
    expect(fs.stat('/etc/hosts')).toMatchObject({ type: 'file', mtime: 1_000 });
    expect(fs.list('/')).toEqual(['dev', 'etc']);
    expect(fs.write('/etc/hosts', 'new')).toBeUndefined();
    expect(fs.stat('/etc/hosts')).toMatchObject({ mtime: 9_000 });
    const dflt = new ContainerFs(new ImageLayer({}), { '/a': '' }, [], { now: () => now });
    expect(dflt.stat('/a')?.mtime).toBe(9_000);
  });

  it('each program gets its own environment, also through `{ ...ctx }` (busybox applets, exec chains)', () => {
    const h = harness();
    const p = h.run('busybox', { command: ['sleep', '3600'], env: [['MODE', 'fast']], podName: 'envy' });
    expect(p.exec(['busybox', 'env']).stdout).toContain('MODE=fast\n');
    expect(p.exec(['env']).stdout).toBe(p.exec(['busybox', 'env']).stdout);
    expect(p.exec(['sh', '-c', 'export MODE=slow; echo $MODE']).stdout).toBe('slow\n');
    expect(p.exec(['sh', '-c', 'echo $MODE $HOSTNAME $HOME']).stdout).toBe('fast envy /root\n');
  });

  it('a server that blocks forever still stops on its signal, and the exec table fills and empties', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/pause:3.10');
    h.clock.runFor(1000);
    expect(p.exited()).toBeUndefined();
    expect(p.exec(['ls']).exitCode).toBe(126);
    p.signal('TERM');
    h.waitExit(p, 1000);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
    expect(p.logs.map((l) => l.text)).toEqual(['Shutting down, got signal: Terminated']);
    const bb = h.run('busybox', { command: ['sleep', '3600'] });
    bb.exec(['ps']);
    // The first exec (pid 7) is gone from the table; the second sees only itself.
    expect(bb.exec(['ps']).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    8 root      0:00 ps\n');
  });

  it('usage without declared load or work reads as the image baseline; work added later counts', () => {
    const u = new Usage({ memoryMi: 1, cpuMilli: 5 }, 7, 0);
    expect(u.expectedMemoryBytes()).toBe(1024 * 1024);
    expect(u.demandMillis(1_000)).toBe(5);
    u.addWork(1_000, 100);
    expect(u.demandMillis(1_000)).toBe(15);
    expect(u.demandMillis(20_000)).toBe(5);
    u.setLoad({ memoryBytes: 10 });
    expect(u.expectedMemoryBytes()).toBe(1024 * 1024 + 10);
  });
});
