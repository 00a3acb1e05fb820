import { useEffect, useRef } from 'react';

interface Props {
  open: boolean;
  revision: number;
  when: string;
  /** Entries after that revision, which the fork drops. */
  dropped: number;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/** "Resume from here" asks first: what comes after this moment is thrown away. */
export function ForkDialog({ open, revision, when, dropped, busy, error, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="tl-dialog" aria-labelledby="tl-fork-title" onCancel={(e) => (e.preventDefault(), onCancel())} data-testid="fork-dialog">
      <h3 id="tl-fork-title">Resume from revision {revision}?</h3>
      <p>
        The cluster goes back to <strong>{when}</strong> (revision {revision}) and continues from there, paused.
      </p>
      <p>
        Everything after it{dropped > 0 ? ` — ${dropped} timeline ${dropped === 1 ? 'entry' : 'entries'} —` : ''} is dropped and cannot be brought back.
        Export the session first to keep it.
      </p>
      {error && (
        <p className="tl-error" role="alert">
          {error}
        </p>
      )}
      <div className="tl-dialog-actions">
        <button type="button" className="tl-button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="tl-button tl-primary" onClick={onConfirm} disabled={busy} data-testid="fork-confirm" autoFocus>
          {busy ? 'Rebuilding…' : 'Resume from here'}
        </button>
      </div>
    </dialog>
  );
}
