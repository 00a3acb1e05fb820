/** The example gallery as a menu: each entry a title and its one-line description. */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { GalleryEntry } from './gallery';

interface ExamplesMenuProps {
  entries: readonly GalleryEntry[] | null;
  error: string | null;
  onPick(entry: GalleryEntry): void;
}

export function ExamplesMenu({ entries, error, onPick }: ExamplesMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});

  // The dock sits at the bottom of the page: open towards whichever side has more room.
  useLayoutEffect(() => {
    if (!open || !button.current) return;
    setPlace(menuPlacement(button.current.getBoundingClientRect(), window.innerWidth, window.innerHeight));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onDocPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDocPointer);
    return () => document.removeEventListener('pointerdown', onDocPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="examples">
      <button
        ref={button}
        type="button"
        className="editor-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="editor-examples"
        onClick={() => setOpen((o) => !o)}
      >
        Examples
        <svg className="editor-caret" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label="Examples" className="examples-menu" style={place} onKeyDown={onMenuKey}>
          {error && <p className="examples-empty">Examples could not be loaded: {error}</p>}
          {!error && !entries && <p className="examples-empty">Loading examples…</p>}
          {entries?.map((e) => (
            <button
              key={e.id}
              type="button"
              role="menuitem"
              className="examples-item"
              data-testid="editor-example"
              data-id={e.id}
              onClick={() => {
                close();
                onPick(e);
              }}
            >
              <span className="examples-title">{e.title}</span>
              <span className="examples-description">{e.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

const GAP = 6;
const MARGIN = 8;
const MENU_WIDTH = 440;

export function menuPlacement(anchor: { left: number; top: number; bottom: number }, viewportWidth: number, viewportHeight: number): CSSProperties {
  const below = viewportHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewportWidth - MENU_WIDTH - MARGIN));
  const maxHeight = Math.min(480, Math.max(below, above));
  return below >= Math.min(480, above) ? { left, top: anchor.bottom + GAP, maxHeight } : { left, bottom: viewportHeight - anchor.top + GAP, maxHeight };
}
