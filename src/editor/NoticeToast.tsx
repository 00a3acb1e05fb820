/** The last action's headline, over the editor: errors stay until dismissed, the rest fade after a while. */
import { useEffect } from 'react';
import type { Notice } from './actions/types';

const AUTO_HIDE_MS = 6000;

interface NoticeToastProps {
  notice: Notice;
  onDismiss(): void;
  onForce(): void;
}

export function NoticeToast({ notice, onDismiss, onForce }: NoticeToastProps) {
  const sticky = notice.tone === 'error' || notice.tone === 'warn';
  useEffect(() => {
    if (sticky) return;
    const t = setTimeout(onDismiss, AUTO_HIDE_MS);
    return () => clearTimeout(t);
  }, [notice, sticky, onDismiss]);

  return (
    <div
      className={`editor-toast tone-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="editor-notice"
      data-tone={notice.tone}
    >
      <div className="editor-toast-body">
        <p className="editor-toast-title">{notice.title}</p>
        <p className="editor-toast-message">{notice.message}</p>
        {notice.offerForce && (
          <button type="button" className="editor-button editor-button-small" onClick={onForce} data-testid="editor-force">
            Apply and take over these fields
          </button>
        )}
      </div>
      <button type="button" className="editor-toast-close" aria-label="Dismiss message" onClick={onDismiss}>
        <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
