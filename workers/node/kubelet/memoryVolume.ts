/** A volume's files kept in memory: what the runtime mounts into containers. */
import type { Volume } from '../runtime/types';

/** A file made when first read: a pod's token is a kilobyte nobody reads but `cat` and clients. */
export interface LazyFile {
  text(): string;
}

export type FileContent = string | LazyFile;

function norm(p: string): string {
  // Most paths are one plain name (`token`, `ca.crt`).
  if (p && p !== '.' && !p.includes('/')) return p;
  return p
    .split('/')
    .filter((s) => s && s !== '.')
    .join('/');
}

export class MemoryVolume implements Volume {
  private files = new Map<string, FileContent>();

  constructor(
    readonly readOnly: boolean,
    files?: Record<string, FileContent>,
    /** Written by the kubelet's atomic writer (configMap, secret, projected, downwardAPI). */
    readonly atomic = false,
  ) {
    if (files) this.replace(files);
  }

  /** Swap the whole content (atomic-writer volumes: configMap, secret, projected, downwardAPI). */
  replace(files: Record<string, FileContent>): void {
    const m = new Map<string, FileContent>();
    for (const k in files) m.set(norm(k), files[k]);
    this.files = m;
  }

  list(dir: string): string[] {
    const d = norm(dir);
    const prefix = d ? `${d}/` : '';
    const out = new Set<string>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      out.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...out].sort();
  }

  read(path: string): string | undefined {
    const p = norm(path);
    const v = this.files.get(p);
    if (v === undefined || typeof v === 'string') return v;
    const text = v.text();
    this.files.set(p, text);
    return text;
  }

  write(path: string, content: string): boolean {
    if (this.readOnly) return false;
    this.files.set(norm(path), content);
    return true;
  }

  remove(path: string): boolean {
    if (this.readOnly) return false;
    return this.files.delete(norm(path));
  }

  get size(): number {
    return this.files.size;
  }
}
