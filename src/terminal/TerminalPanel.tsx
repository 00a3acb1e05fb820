/**
 * The Terminal tab: xterm.js running a TerminalSession against the worker's
 * kubectl. The terminal outlives the panel (module state, like the editor's
 * model), so hiding the dock or switching tabs keeps the scrollback and a
 * running `kubectl get -w`.
 */
import { useEffect, useRef } from 'react';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useActionContext, useRunAction } from '../actions/ActionsContext';
import { useUi } from '../app/UiContext';
import { createPageFileSource } from './fileSource';
import { CommandHistory, type StorageLike } from './history';
import { TerminalSession } from './session';
import type { KubectlRunner, TerminalSurface } from './types';
import './terminal.css';

const FONT = "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

const DARK: ITheme = {
  background: '#0b1120',
  foreground: '#e2e8f0',
  cursor: '#60a5fa',
  cursorAccent: '#0b1120',
  selectionBackground: 'rgba(96, 165, 250, 0.35)',
  black: '#1e293b',
  red: '#f87171',
  green: '#4ade80',
  yellow: '#facc15',
  blue: '#60a5fa',
  magenta: '#c084fc',
  cyan: '#22d3ee',
  white: '#e2e8f0',
  brightBlack: '#64748b',
  brightRed: '#fca5a5',
  brightGreen: '#86efac',
  brightYellow: '#fde047',
  brightBlue: '#93c5fd',
  brightMagenta: '#d8b4fe',
  brightCyan: '#67e8f9',
  brightWhite: '#f8fafc',
};

const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#0f172a',
  cursor: '#326ce5',
  cursorAccent: '#ffffff',
  selectionBackground: 'rgba(50, 108, 229, 0.22)',
  black: '#0f172a',
  red: '#b91c1c',
  green: '#15803d',
  yellow: '#a16207',
  blue: '#1d4ed8',
  magenta: '#7e22ce',
  cyan: '#0e7490',
  white: '#64748b',
  brightBlack: '#475569',
  brightRed: '#dc2626',
  brightGreen: '#16a34a',
  brightYellow: '#ca8a04',
  brightBlue: '#2563eb',
  brightMagenta: '#9333ea',
  brightCyan: '#0891b2',
  brightWhite: '#1e293b',
};

const FONT_SIZE = 13;
const PRESENTER_FONT = 18;

const BANNER = '\x1b[1mKube Playground\x1b[0m · kubectl 1.32 against the cluster in this page. Type \x1b[1mhelp\x1b[0m to see what works.\n';

interface Live {
  term: Terminal;
  fit: FitAddon;
  session: TerminalSession;
}

let live: Live | null = null;

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function unavailableRunner(): KubectlRunner {
  const no = () => Promise.reject(new Error('the worker has no kubectl'));
  return { start: no, cancel: no, complete: no };
}

function createLive(kubectl: KubectlRunner, onToggle: () => void, look: { dark: boolean; presenter: boolean }): Live {
  const term = new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontFamily: FONT,
    fontSize: look.presenter ? PRESENTER_FONT : FONT_SIZE,
    lineHeight: 1.2,
    scrollback: 5000,
    allowProposedApi: false,
    theme: look.dark ? DARK : LIGHT,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  const surface: TerminalSurface = {
    write: (d) => term.write(d),
    cols: () => term.cols,
    clear: () => term.write('\x1b[H\x1b[2J\x1b[3J'),
    bell: () => {},
  };
  const session = new TerminalSession(surface, kubectl, new CommandHistory(browserStorage()), createPageFileSource(), { banner: BANNER });
  term.onData((d) => session.input(d));
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    // Ctrl+` hides the terminal again; the page's shortcut handler ignores keys typed into it.
    if (e.ctrlKey && (e.key === '`' || e.code === 'Backquote')) {
      e.preventDefault();
      onToggle();
      return false;
    }
    // With a selection, Ctrl+C copies (the browser's copy), as terminal apps do.
    if (e.ctrlKey && !e.shiftKey && e.key.toLowerCase() === 'c' && term.hasSelection()) return false;
    return true;
  });
  return { term, fit, session };
}

/** What e2e tests and the console can read and drive. */
function installHandle(l: Live): void {
  const handle = window.kubePlayground;
  if (!handle) return;
  handle.terminal = {
    text: () => {
      const b = l.term.buffer.active;
      const lines: string[] = [];
      // Logical lines: a row the terminal soft-wrapped joins the line it continues.
      for (let i = 0; i < b.length; i++) {
        const row = b.getLine(i);
        const text = row?.translateToString(false) ?? '';
        if (row?.isWrapped && lines.length) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].trimEnd();
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      return lines.join('\n');
    },
    input: (data) => l.session.input(data),
    running: () => l.session.running,
  };
}

export default function TerminalPanel() {
  const ctx = useActionContext();
  const run = useRunAction();
  const host = useRef<HTMLDivElement>(null);
  const theme = useUi((s) => s.theme);
  const presenter = useUi((s) => s.presenter);
  const shown = useUi((s) => s.panes.dockOpen && s.dockTab === 'terminal');
  const toggle = useRef(() => {});
  toggle.current = () => void run('showDockTab', { tab: 'terminal' });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let l = live;
    if (!l) {
      const ui = ctx.ui.getState();
      l = createLive(ctx.client.kubectl ?? unavailableRunner(), () => toggle.current(), { dark: ui.theme === 'dark', presenter: ui.presenter });
      l.term.open(el);
      l.session.start();
      live = l;
    } else if (l.term.element) {
      el.appendChild(l.term.element);
    }
    installHandle(l);
    const current = l;
    const refit = () => {
      if (el.offsetWidth > 0 && el.offsetHeight > 0) current.fit.fit();
    };
    refit();
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    return () => {
      ro.disconnect();
      // The terminal lives on; only its element leaves the page.
      current.term.element?.remove();
    };
  }, [ctx]);

  useEffect(() => {
    const l = live;
    if (!l) return;
    l.term.options.theme = theme === 'dark' ? DARK : LIGHT;
    l.term.options.fontSize = presenter ? PRESENTER_FONT : FONT_SIZE;
    if (host.current && host.current.offsetWidth > 0) l.fit.fit();
  }, [theme, presenter]);

  useEffect(() => {
    if (!shown || !live) return;
    const l = live;
    // The panel was hidden (display: none): measure again, then take the keyboard.
    requestAnimationFrame(() => {
      if (host.current && host.current.offsetWidth > 0) l.fit.fit();
      l.term.focus();
    });
  }, [shown]);

  return (
    <section className="terminal-panel" aria-label="Terminal: kubectl" data-testid="terminal-panel" data-theme-variant={theme}>
      <div ref={host} className="terminal-host" data-shortcuts="off" data-testid="terminal" />
    </section>
  );
}
