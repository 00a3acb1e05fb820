/** A volume's files kept in memory: what the runtime mounts into containers. */
import type { Volume } from '../runtime/types';

function norm(p: string): string {
  return p
    .split('/')
    .filter((s) => s && s !== '.')
    .join('/');
}

export class MemoryVolume implements Volume {
  private files = new Map<string, string>();

  constructor(
    readonly readOnly: boolean,
    files?: Record<string, string>,
    /** Written by the kubelet's atomic writer (configMap, secret, projected, downwardAPI). */
    readonly atomic = false,
  ) {
    if (files) this.replace(files);
  }

  /** Swap the whole content (atomic-writer volumes: configMap, secret, projected, downwardAPI). */
  replace(files: Record<string, string>): void {
    this.files = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
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
    return this.files.get(norm(path));
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
