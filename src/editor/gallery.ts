/**
 * The example gallery: `public/examples/index.json` lists manifests written
 * for the playground, each with a one-line description.
 */

export interface GalleryEntry {
  id: string;
  title: string;
  description: string;
  /** File name under examples/. */
  file: string;
}

/** Reads the index, keeping well-formed entries with safe file names only. */
export function parseGalleryIndex(json: unknown): GalleryEntry[] {
  const list = (json as { examples?: unknown } | null)?.examples;
  if (!Array.isArray(list)) return [];
  const out: GalleryEntry[] = [];
  for (const e of list) {
    if (typeof e !== 'object' || e === null) continue;
    const { id, title, description, file } = e as Record<string, unknown>;
    if (typeof id !== 'string' || typeof title !== 'string' || typeof description !== 'string' || typeof file !== 'string') continue;
    if (!/^[a-z0-9][a-z0-9-]*\.ya?ml$/.test(file)) continue;
    out.push({ id, title, description, file });
  }
  return out;
}

const examplesBase = () => `${import.meta.env?.BASE_URL ?? '/'}examples/`;

export async function fetchGallery(): Promise<GalleryEntry[]> {
  const res = await fetch(`${examplesBase()}index.json`);
  if (!res.ok) throw new Error(`examples/index.json: HTTP ${res.status}`);
  return parseGalleryIndex(await res.json());
}

export async function fetchExample(entry: GalleryEntry): Promise<string> {
  const res = await fetch(`${examplesBase()}${entry.file}`);
  if (!res.ok) throw new Error(`examples/${entry.file}: HTTP ${res.status}`);
  return res.text();
}
