import { describe, expect, it } from 'vitest';
import { parseImageReference } from './reference';

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['polinux/stress', 'docker.io/polinux/stress:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'registry.k8s.io/e2e-test-images/agnhost:2.40'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
  ])('%s → %s', (input, normalized) => {
    const r = parseImageReference(input);
    expect(r.ok && r.ref.normalized).toBe(normalized);
  });

  it.each([
    ['Nginx', 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['nginx:', 'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format'],
    ['nginx@sha256:xyz', 'Failed to apply default image tag "nginx@sha256:xyz": couldn\'t parse image name "nginx@sha256:xyz": invalid reference format'],
    ['', 'Failed to apply default image tag "": couldn\'t parse image name "": invalid reference format'],
    ['a b', 'Failed to apply default image tag "a b": couldn\'t parse image name "a b": invalid reference format'],
  ])('rejects %j', (input, message) => {
    const r = parseImageReference(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(message);
  });
});
