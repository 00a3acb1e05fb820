/** The page's files for -f: the editor buffer and the example gallery (public/examples). */
import { readEditorBuffer } from '../app/editorBuffer';
import { parseGalleryIndex } from '../editor/gallery';
import { EDITOR_FILE, EXAMPLES_DIR, type FileSource } from './files';

const base = () => `${import.meta.env?.BASE_URL ?? '/'}examples/`;

export function createPageFileSource(): FileSource {
  let examples: Promise<string[]> | null = null;
  const listExamples = () => {
    examples ??= fetch(`${base()}index.json`)
      .then((r) => (r.ok ? r.json() : { examples: [] }))
      .then((json: unknown) => parseGalleryIndex(json).map((e) => `${EXAMPLES_DIR}${e.file}`))
      .catch(() => {
        examples = null;
        return [];
      });
    return examples;
  };
  return {
    async list() {
      return [EDITOR_FILE, ...(await listExamples())];
    },
    async read(path) {
      if (path === EDITOR_FILE) return readEditorBuffer();
      if (!path.startsWith(EXAMPLES_DIR)) return undefined;
      if (!(await listExamples()).includes(path)) return undefined;
      const res = await fetch(`${base()}${path.slice(EXAMPLES_DIR.length)}`);
      return res.ok ? res.text() : undefined;
    },
  };
}
