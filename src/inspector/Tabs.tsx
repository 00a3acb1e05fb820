/**
 * An ARIA tablist: one tab in the Tab order, arrow keys (and Home/End) move
 * between tabs and open them, as the WAI-ARIA tabs pattern describes.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  /** A small count shown after the label (events, dependents). */
  count?: number;
}

interface TabsProps<Id extends string> {
  tabs: readonly TabSpec<Id>[];
  current: Id;
  onChange(id: Id): void;
  label: string;
  children: ReactNode;
}

export function Tabs<Id extends string>({ tabs, current, onChange, label, children }: TabsProps<Id>) {
  const base = useId();
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const focusTab = (id: Id) => {
    onChange(id);
    refs.current.get(id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === current);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    focusTab(tabs[next].id);
  };
  return (
    <>
      <div className="in-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const selected = t.id === current;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'in-tab in-tab-current' : 'in-tab'}
              data-testid={`inspector-tab-${t.id}`}
              onClick={() => onChange(t.id)}
            >
              {t.label}
              {t.count !== undefined && <span className="in-tab-count">{t.count}</span>}
            </button>
          );
        })}
      </div>
      <div className="in-panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${current}`} tabIndex={0} data-testid={`inspector-panel-${current}`}>
        {children}
      </div>
    </>
  );
}
