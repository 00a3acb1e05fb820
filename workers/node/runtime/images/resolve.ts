/** Look a reference up in the catalogue, and say how a pull of it fails when it is not there. */
import type { ImageInfo } from '../types';
import { CATALOGUE } from './catalogue';
import { digestOf } from './digest';
import type { ImageReference } from './reference';
import type { ImageSpec } from './spec';

export interface ResolvedImage {
  spec: ImageSpec;
  version: string;
  info: ImageInfo;
  /** `docker.io/library/nginx@sha256:…`, the repo digest. */
  repoDigest: string;
}

const BY_REPOSITORY = new Map<string, ImageSpec>();
for (const spec of CATALOGUE) for (const r of spec.repositories) BY_REPOSITORY.set(r, spec);

/** Registries that answer anonymous pulls; anything else looks private. */
const PUBLIC_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'public.ecr.aws', 'us-docker.pkg.dev', 'registry.gitlab.com']);

/** Digest of the manifest a repository+version resolves to: the same for every tag pointing at it. */
export function repoDigestOf(spec: ImageSpec, version: string): string {
  return digestOf(`manifest:${spec.repositories[0]}:${version}`);
}

function info(spec: ImageSpec, version: string, ref: string): ImageInfo {
  return {
    ref,
    id: digestOf(`config:${spec.repositories[0]}:${version}`),
    sizeBytes: spec.sizeBytes(version),
    entrypoint: spec.entrypoint(version),
    cmd: spec.cmd(version),
    env: spec.env(version),
    workingDir: spec.workingDir ?? '/',
    user: spec.user ?? 0,
    exposedPorts: spec.exposedPorts,
  };
}

/** Resolution is pure, so it is computed once per reference (it hashes). */
const RESOLVED = new Map<string, ResolvedImage | null>();

export function resolveImage(ref: ImageReference): ResolvedImage | undefined {
  let hit = RESOLVED.get(ref.normalized);
  if (hit === undefined) {
    hit = resolveUncached(ref) ?? null;
    RESOLVED.set(ref.normalized, hit);
  }
  return hit ?? undefined;
}

function resolveUncached(ref: ImageReference): ResolvedImage | undefined {
  const spec = BY_REPOSITORY.get(ref.repository);
  if (!spec) return undefined;
  let version: string | undefined;
  if (ref.digest) {
    version = Object.values(spec.tags).find((v) => repoDigestOf(spec, v) === ref.digest);
    if (version && ref.tag && spec.tags[ref.tag] === undefined) version = undefined;
  } else if (ref.tag) version = spec.tags[ref.tag];
  if (version === undefined) return undefined;
  const repoDigest = `${ref.repository}@${repoDigestOf(spec, version)}`;
  return { spec, version, info: info(spec, version, ref.normalized), repoDigest };
}

/**
 * The CRI error for a reference the catalogue does not have, as containerd
 * words it: NotFound for unknown official images and tags, an authorization
 * failure for private-looking repositories.
 */
export function pullFailure(ref: ImageReference): string {
  const n = ref.normalized;
  const privateLooking = !PUBLIC_REGISTRIES.has(ref.domain) || (ref.domain === 'docker.io' && !ref.path.startsWith('library/') && !BY_REPOSITORY.has(ref.repository));
  if (privateLooking) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}
