/**
 * A container's view of files: its own writable layer (seeded from the
 * image) with the pod's volumes mounted over it. Paths are absolute and
 * normalised; mounts are matched by longest prefix as the kernel would.
 */
import type { Volume } from '../types';

export type FsError = 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY';

export interface FileStat {
  type: 'file' | 'dir' | 'link';
  size: number;
  /** Where a symlink points (atomic-writer volume entries). */
  target?: string;
  readOnly: boolean;
  mtime: number;
}

export interface Mount {
  path: string;
  volume: Volume;
  subPath?: string;
  readOnly: boolean;
}

const CLEAN = /^\/(?:[^/.][^/]*\/)*[^/.][^/]*$|^\/$/;

export function normalizePath(path: string, cwd = '/'): string {
  // Most paths are already clean: skip the split and join.
  if (CLEAN.test(path)) return path;
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a}/${b}`;
}

/** An image's files, shared read-only by every container of that image. */
export class ImageLayer {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/']);
  /** Directory → names directly inside it. */
  readonly children = new Map<string, string[]>();

  constructor(seed: Record<string, string>) {
    for (const [path, content] of Object.entries(seed)) {
      if (path.endsWith('/')) addDirs(this.dirs, normalizePath(path));
      else {
        const p = normalizePath(path);
        addDirs(this.dirs, parentOf(p));
        this.files.set(p, content);
      }
    }
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p === '/') continue;
      const dir = parentOf(p);
      const list = this.children.get(dir) ?? [];
      list.push(baseOf(p));
      this.children.set(dir, list);
    }
  }
}

function addDirs(dirs: Set<string>, dir: string): void {
  let d = dir;
  while (!dirs.has(d)) {
    dirs.add(d);
    d = parentOf(d);
  }
}

/** Shared stand-in for a set nobody has written to yet; never mutated (callers replace it first). */
const EMPTY: Set<string> = new Set();

/** Files come from the container's own writes, then the shared image layer (copy-on-write). */
export class ContainerFs {
  private files = new Map<string, { content: string; mtime: number }>();
  /** Directories made in the container (most containers make none). */
  private dirs: Set<string> = EMPTY;
  /** Image paths this container deleted. */
  private whiteouts: Set<string> = EMPTY;
  private mounts: Mount[];

  /**
   * `seed` files are the container's own from `seedTime` (by default now):
   * a container that builds its filesystem on first use still shows the
   * kubelet's files as written when it started.
   */
  constructor(
    private readonly base: ImageLayer,
    seed: Record<string, string>,
    mounts: readonly Mount[],
    private readonly clock: { now(): number },
    seedTime = clock.now(),
  ) {
    for (const [path, content] of Object.entries(seed)) this.setFile(normalizePath(path), content, seedTime);
    // Longest mount path first so nested mounts win.
    this.mounts = mounts
      .map((m) => ({ ...m, path: normalizePath(m.path) }))
      .sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) this.addDirs(parentOf(m.path));
  }

  private hasDir(p: string): boolean {
    return !this.whiteouts.has(p) && (this.dirs.has(p) || this.base.dirs.has(p));
  }

  private fileOf(p: string): { content: string; mtime: number } | undefined {
    const own = this.files.get(p);
    if (own) return own;
    if (this.whiteouts.has(p)) return undefined;
    const c = this.base.files.get(p);
    return c === undefined ? undefined : { content: c, mtime: 0 };
  }

  private addDirs(dir: string): void {
    let d = dir;
    while (!this.hasDir(d)) {
      if (this.dirs === EMPTY) this.dirs = new Set();
      this.dirs.add(d);
      this.whiteouts.delete(d);
      d = parentOf(d);
    }
  }

  private whiteout(path: string): void {
    if (this.whiteouts === EMPTY) this.whiteouts = new Set();
    this.whiteouts.add(path);
  }

  private setFile(path: string, content: string, mtime: number): void {
    this.addDirs(parentOf(path));
    this.whiteouts.delete(path);
    this.files.set(path, { content, mtime });
  }

  /** The mount serving `path`, with the path relative to the volume root. */
  private mountOf(path: string): { mount: Mount; rel: string } | undefined {
    for (const m of this.mounts) {
      if (path === m.path || path.startsWith(m.path === '/' ? '/' : `${m.path}/`)) {
        const rest = path === m.path ? '' : path.slice(m.path.length + 1);
        return { mount: m, rel: join(m.subPath ?? '', rest) };
      }
    }
    return undefined;
  }

  isMountPoint(path: string): boolean {
    return this.mounts.some((m) => m.path === path);
  }

  stat(path: string): FileStat | undefined {
    const p = normalizePath(path);
    const hit = this.mountOf(p);
    if (hit) {
      const { mount, rel } = hit;
      const readOnly = mount.readOnly || mount.volume.readOnly;
      const content = rel === '' ? undefined : mount.volume.read(rel);
      if (content !== undefined) {
        const top = !rel.includes('/') && !rel.startsWith('..');
        if (mount.volume.atomic && top && !mount.subPath) {
          return { type: 'link', size: `..data/${rel}`.length, target: `..data/${rel}`, readOnly, mtime: 0 };
        }
        return { type: 'file', size: byteLength(content), readOnly, mtime: 0 };
      }
      if (rel === '' || mount.volume.list(rel).length > 0 || mount.volume.list(parentRel(rel)).includes(baseOf(rel))) {
        return { type: 'dir', size: 4096, readOnly, mtime: 0 };
      }
      return undefined;
    }
    const f = this.fileOf(p);
    if (f) return { type: 'file', size: byteLength(f.content), readOnly: false, mtime: f.mtime };
    if (this.hasDir(p)) return { type: 'dir', size: 4096, readOnly: false, mtime: 0 };
    return undefined;
  }

  read(path: string): string | undefined {
    const p = normalizePath(path);
    if (p === '/dev/null') return '';
    const hit = this.mountOf(p);
    if (hit) return hit.rel === '' ? undefined : hit.mount.volume.read(hit.rel);
    return this.fileOf(p)?.content;
  }

  write(path: string, content: string, append = false): FsError | undefined {
    const p = normalizePath(path);
    if (p === '/dev/null') return undefined;
    const hit = this.mountOf(p);
    if (hit) {
      const { mount, rel } = hit;
      if (mount.readOnly || mount.volume.readOnly) return 'EROFS';
      if (rel === '') return 'EISDIR';
      const prev = append ? mount.volume.read(rel) ?? '' : '';
      return mount.volume.write(rel, prev + content) ? undefined : 'EROFS';
    }
    if (this.hasDir(p)) return 'EISDIR';
    const parent = parentOf(p);
    if (!this.hasDir(parent)) return this.fileOf(parent) ? 'ENOTDIR' : 'ENOENT';
    const prev = append ? this.fileOf(p)?.content ?? '' : '';
    this.setFile(p, prev + content, this.clock.now());
    return undefined;
  }

  /** Names directly inside `dir`, sorted as `ls` does (byte order), or undefined if not a directory. */
  list(dir: string): string[] | undefined {
    const p = normalizePath(dir);
    const names = new Set<string>();
    const hit = this.mountOf(p);
    if (hit) {
      const st = this.stat(p);
      if (!st || st.type !== 'dir') return undefined;
      for (const n of hit.mount.volume.list(hit.rel)) names.add(n.replace(/\/$/, ''));
    } else {
      if (!this.hasDir(p)) return undefined;
      const prefix = p === '/' ? '/' : `${p}/`;
      const direct = (path: string): void => {
        if (path !== p && path.startsWith(prefix) && !path.slice(prefix.length).includes('/') && !this.whiteouts.has(path)) names.add(path.slice(prefix.length));
      };
      for (const f of this.files.keys()) direct(f);
      for (const d of this.dirs) direct(d);
      for (const n of this.base.children.get(p) ?? []) if (!this.whiteouts.has(prefix + n)) names.add(n);
    }
    // Mount points show up in their parent directory even if the layer lacks them.
    for (const m of this.mounts) if (m.path !== p && parentOf(m.path) === p) names.add(baseOf(m.path));
    return [...names].sort();
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const p = normalizePath(path);
    const st = this.stat(p);
    if (st) return parents && st.type === 'dir' ? undefined : 'EEXIST';
    const hit = this.mountOf(p);
    if (hit) return hit.mount.readOnly || hit.mount.volume.readOnly ? 'EROFS' : undefined;
    const parent = parentOf(p);
    if (!this.stat(parent)) {
      if (!parents) return 'ENOENT';
      const err = this.mkdir(parent, true);
      if (err) return err;
    }
    this.addDirs(p);
    return undefined;
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const p = normalizePath(path);
    const hit = this.mountOf(p);
    if (hit) {
      const { mount, rel } = hit;
      if (mount.readOnly || mount.volume.readOnly || rel === '' || !mount.volume.remove) return 'EROFS';
      return mount.volume.remove(rel) ? undefined : 'ENOENT';
    }
    if (this.fileOf(p)) {
      this.files.delete(p);
      if (this.base.files.has(p)) this.whiteout(p);
      return undefined;
    }
    if (!this.hasDir(p)) return 'ENOENT';
    if (!recursive) return 'EISDIR';
    const prefix = `${p}/`;
    const all = [...this.files.keys(), ...this.dirs, ...this.base.files.keys(), ...this.base.dirs].filter((x) => x.startsWith(prefix));
    for (const x of all) {
      this.files.delete(x);
      this.dirs.delete(x);
      if (this.base.files.has(x) || this.base.dirs.has(x)) this.whiteout(x);
    }
    this.dirs.delete(p);
    if (this.base.dirs.has(p)) this.whiteout(p);
    return undefined;
  }
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parentRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i === -1 ? '' : rel.slice(0, i);
}

export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
