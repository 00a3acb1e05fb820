/**
 * Image reference parsing and normalisation as containerd and the kubelet do
 * it (`nginx` → `docker.io/library/nginx:latest`).
 * Mirrors github.com/distribution/reference normalize.go (ParseNormalizedNamed)
 * and the kubelet's applyDefaultImageTag (pkg/kubelet/images/image_manager.go).
 */

export interface ImageReference {
  /** Registry host: `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`. */
  path: string;
  tag?: string;
  digest?: string;
  /** The fully normalised reference: `docker.io/library/nginx:latest`. */
  normalized: string;
  /** `docker.io/library/nginx`. */
  repository: string;
}

export type ParseResult = { ok: true; ref: ImageReference } | { ok: false; message: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN = /^(?:localhost|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;

function invalid(image: string, why: string): ParseResult {
  // The kubelet wraps the reference library's error like this (InvalidImageName).
  return { ok: false, message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${why}` };
}

/** Split off the registry the way splitDockerDomain does. */
function splitDomain(name: string): { domain: string; path: string } {
  const slash = name.indexOf('/');
  let domain: string;
  let path: string;
  if (slash === -1) {
    domain = 'docker.io';
    path = name;
  } else {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      path = name.slice(slash + 1);
    } else {
      domain = 'docker.io';
      path = name;
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { domain, path };
}

const PARSED = new Map<string, ParseResult>();

export function parseImageReference(image: string): ParseResult {
  let r = PARSED.get(image);
  if (!r) {
    r = parseUncached(image);
    // Bounded: references come from user input.
    if (PARSED.size > 10_000) PARSED.clear();
    PARSED.set(image, r);
  }
  return r;
}

function parseUncached(image: string): ParseResult {
  if (image === '' || image.trim() !== image) return invalid(image, 'invalid reference format');
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid(image, 'invalid reference format');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid(image, 'invalid reference format');
  }
  const { domain, path } = splitDomain(rest);
  if (!DOMAIN.test(domain)) return invalid(image, 'invalid reference format');
  if (path.toLowerCase() !== path) {
    return invalid(image, `invalid reference format: repository name (${path}) must be lowercase`);
  }
  if (path === '' || !path.split('/').every((c) => PATH_COMPONENT.test(c))) {
    return invalid(image, 'invalid reference format');
  }
  if (!tag && !digest) tag = 'latest';
  const repository = `${domain}/${path}`;
  const normalized = repository + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  return { ok: true, ref: { domain, path, tag, digest, normalized, repository } };
}
