/**
 * The YAML editor's text for other features (the terminal's `editor.yaml`),
 * without loading Monaco: the editor registers a reader while it has a model.
 */
let reader: (() => string) | null = null;

/** Called by the editor when its model exists; returns the unregister function. */
export function registerEditorBuffer(read: () => string): () => void {
  reader = read;
  return () => {
    if (reader === read) reader = null;
  };
}

/** The editor's current text, or undefined when the editor was never opened. */
export function readEditorBuffer(): string | undefined {
  return reader?.();
}
