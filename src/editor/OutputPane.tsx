/** The side pane: problems of the last action (click to jump to the line) and its kubectl-like output. */
import type { ResultLine } from './actions/types';
import type { Problem } from './manifests';

interface OutputPaneProps {
  problems: readonly Problem[];
  results: readonly ResultLine[];
  onJump(line: number): void;
}

export function OutputPane({ problems, results, onJump }: OutputPaneProps) {
  const empty = !problems.length && !results.length;
  return (
    <aside className="editor-output" aria-label="Apply output" data-testid="editor-output">
      {empty && (
        <div className="editor-hint">
          <p>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> applies the manifest with <strong>server-side apply</strong> (field manager{' '}
            <code>kube-playground</code>). Nothing is applied unless every object passes a server dry run.
          </p>
          <p>
            <strong>Diff</strong> (<kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd>) shows what would change first.
          </p>
        </div>
      )}
      {problems.length > 0 && (
        <section>
          <h3 className="editor-output-heading">
            Problems <span className="editor-count">{problems.length}</span>
          </h3>
          <ul className="editor-problems">
            {problems.map((p, i) => (
              <li key={i}>
                <button type="button" className="editor-problem" data-testid="editor-problem" data-line={p.range.startLine} onClick={() => onJump(p.range.startLine)}>
                  <span className="editor-problem-line">Line {p.range.startLine}</span>
                  <span className="editor-problem-message">{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.length > 0 && (
        <section>
          <h3 className="editor-output-heading">Output</h3>
          <ul className="editor-results" data-testid="editor-results">
            {results.map((r, i) => (
              <li key={i} className={`editor-result tone-${r.tone}`} data-testid="editor-result" data-tone={r.tone}>
                {r.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
