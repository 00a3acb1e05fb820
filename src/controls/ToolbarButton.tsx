import type { ReactNode } from 'react';

interface ToolbarButtonProps {
  label: string;
  /** Shown in the tooltip, e.g. `Space`. */
  shortcut?: string;
  pressed?: boolean;
  onClick(): void;
  testId?: string;
  children: ReactNode;
  className?: string;
}

/** A header button: its accessible name is the label; the tooltip adds the shortcut. */
export function ToolbarButton({ label, shortcut, pressed, onClick, testId, children, className }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className={`tb-button${pressed ? ' is-pressed' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
