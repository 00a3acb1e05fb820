import { describe, expect, it } from 'vitest';
import { Clock } from '../../clock/clock';
import { Rng } from '../../clock/prng';
import { createRuntime } from './index';
import { sha256Hex } from './images/digest';

function runtime(seed = 1) {
  const clock = new Clock(0);
  return { clock, rt: createRuntime(clock, new Rng(seed), 'node-1') };
}

describe('image pulls', () => {
  it('sha256 matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('resolves aliases to the same image with a stable digest and realistic size', () => {
    const { rt } = runtime();
    const a = rt.pull('nginx');
    const b = rt.pull('nginx:1.27');
    const c = rt.pull('docker.io/library/nginx:1.27.3');
    if (!a.ok || !b.ok || !c.ok) throw new Error('pull failed');
    expect(a.image.ref).toBe('docker.io/library/nginx:latest');
    expect(a.image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.image.id).toBe(a.image.id);
    expect(c.image.id).toBe(a.image.id);
    expect(a.image.sizeBytes).toBeGreaterThan(65_000_000);
    expect(a.image.sizeBytes).toBeLessThan(80_000_000);
    expect(a.image.exposedPorts).toEqual([80]);
    expect(a.image.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(a.image.entrypoint).toEqual(['/docker-entrypoint.sh']);
    const other = rt.pull('nginx:1.14.2');
    expect(other.ok && other.image.id).not.toBe(a.image.id);
  });

  it('takes about 1-3 s for nginx, far less for busybox, and re-pulls are quick', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { rt } = runtime(seed);
      const n = rt.pull('nginx:1.27');
      const b = rt.pull('busybox');
      if (!n.ok || !b.ok) throw new Error('pull failed');
      expect(n.durationMs).toBeGreaterThanOrEqual(1000);
      expect(n.durationMs).toBeLessThanOrEqual(3000);
      expect(b.durationMs).toBeLessThan(600);
      const again = rt.pull('nginx:1.27');
      expect(again.ok && again.durationMs).toBeLessThan(500);
    }
  });

  it('same seed, same durations', () => {
    const a = runtime(7).rt.pull('redis');
    const b = runtime(7).rt.pull('redis');
    expect(a).toEqual(b);
  });

  it('an image is present only once its pull has finished', () => {
    const { clock, rt } = runtime();
    expect(rt.hasImage('busybox')).toBe(false);
    const r = rt.pull('busybox');
    if (!r.ok) throw new Error('pull failed');
    expect(rt.hasImage('busybox')).toBe(false);
    clock.advanceTo(r.durationMs);
    expect(rt.hasImage('busybox')).toBe(true);
    expect(rt.hasImage('docker.io/library/busybox:latest')).toBe(true);
    expect(rt.hasImage('busybox:1.28')).toBe(false);
    const listed = rt.listImages?.() ?? [];
    const bb = listed.find((i) => i.names.includes('docker.io/library/busybox:latest'));
    expect(bb?.names[0]).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
    // Node images come preloaded.
    expect(rt.hasImage('registry.k8s.io/pause:3.10')).toBe(true);
  });

  it.each([
    ['nginxx', 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": docker.io/library/nginxx:latest: not found'],
    ['nginx:9.99', 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found'],
    ['registry.k8s.io/nope:1', 'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nope:1": failed to resolve reference "registry.k8s.io/nope:1": registry.k8s.io/nope:1: not found'],
    ['registry.example.com/team/app:1.0', 'rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/team/app:1.0": failed to resolve reference "registry.example.com/team/app:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
    ['someuser/private-app', 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/someuser/private-app:latest": failed to resolve reference "docker.io/someuser/private-app:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ])('pull of %s fails like containerd', (image, message) => {
    const r = runtime().rt.pull(image);
    expect(r).toEqual({ ok: false, reason: 'ErrImagePull', message });
  });

  it('reports unparseable references as InvalidImageName', () => {
    const r = runtime().rt.pull('NGINX');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('InvalidImageName');
  });

  it('resolves a digest reference it published, and rejects an unknown digest', () => {
    const { clock, rt } = runtime();
    const r = rt.pull('busybox:1.36');
    if (!r.ok) throw new Error('pull failed');
    clock.advanceTo(r.durationMs);
    const digest = (rt.listImages?.() ?? []).find((i) => i.names.includes('docker.io/library/busybox:1.36'))!.names[0].split('@')[1];
    expect(rt.pull(`busybox@${digest}`).ok).toBe(true);
    expect(rt.pull(`busybox@sha256:${'0'.repeat(64)}`).ok).toBe(false);
  });
});
