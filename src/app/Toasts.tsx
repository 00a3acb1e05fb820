import { useEffect } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useUi } from './UiContext';
import type { Toast } from './toasts';

/** How long a result stays; errors stay until dismissed. */
const SHOW_MS = 9_000;

function ToastItem({ toast }: { toast: Toast }) {
  const run = useRunAction();
  useEffect(() => {
    if (toast.tone === 'error') return;
    const id = setTimeout(() => void run('dismissToast', { id: toast.id }), SHOW_MS);
    return () => clearTimeout(id);
  }, [toast, run]);
  return (
    <li className={`toast toast-${toast.tone}`} data-testid="toast" data-tone={toast.tone} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast-body">
        <p className="toast-title">{toast.title}</p>
        {toast.message && <p className="toast-message">{toast.message}</p>}
      </div>
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => void run('dismissToast', { id: toast.id })}>
        ×
      </button>
    </li>
  );
}

/** Results of actions (chaos), bottom-right, newest at the bottom. */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <ol className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </ol>
  );
}
