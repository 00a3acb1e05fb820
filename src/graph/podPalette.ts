/**
 * The colours and fonts pods are painted with, read once per theme from the
 * CSS variables in theme/theme.css (the canvas cannot use `var()` or
 * `color-mix()`, so the mixes the old pod cards did in CSS are done here).
 */
import { POD_STATE_LEGEND, type PodState } from './podStatus';

export interface PodPalette {
  /** The state colour: left bar, dot, far-away tile. */
  state: Readonly<Record<PodState, string>>;
  /** Card background: the state colour tinted into the surface. */
  fill: Readonly<Record<PodState, string>>;
  /** Card border: the state colour mixed into the border colour. */
  stroke: Readonly<Record<PodState, string>>;
  text: string;
  textMuted: string;
  /** Selection ring. */
  accent: string;
  /** Timeline highlight glow. */
  highlight: string;
  /** Restart counts and failing reasons. */
  failing: string;
  fontSans: string;
  fontMono: string;
}

type Rgba = [number, number, number, number];

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()` and `rgba()`; null for anything else. */
export function parseColor(input: string): Rgba | null {
  const s = input.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(s);
  if (hex) {
    const h = hex[1];
    if (h.length === 3) return [parseInt(h[0] + h[0], 16), parseInt(h[1] + h[1], 16), parseInt(h[2] + h[2], 16), 1];
    if (h.length === 6 || h.length === 8) {
      const a = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
      return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), a];
    }
    return null;
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s);
  if (!fn) return null;
  const parts = fn[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  if (parts.length < 3 || parts.some((n) => !Number.isFinite(n))) return null;
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}

/** Like CSS `color-mix(in srgb, a w, b)`: `w` of `a`, the rest `b`. Falls back to `a` when either is unreadable. */
export function mixColors(a: string, b: string, w: number): string {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return a;
  const t = Math.min(1, Math.max(0, w));
  const ch = (i: number) => Math.round(ca[i] * t + cb[i] * (1 - t));
  const alpha = Math.round((ca[3] * t + cb[3] * (1 - t)) * 1000) / 1000;
  return alpha >= 1 ? `rgb(${ch(0)}, ${ch(1)}, ${ch(2)})` : `rgba(${ch(0)}, ${ch(1)}, ${ch(2)}, ${alpha})`;
}

/** The palette from a variable lookup (`getComputedStyle(el).getPropertyValue`), with fallbacks for anything unset. */
export function paletteFrom(read: (name: string) => string): PodPalette {
  const v = (name: string, fallback: string) => read(name).trim() || fallback;
  const surface = v('--surface', '#ffffff');
  const border = v('--border', '#d9dee6');
  const tint = Number(v('--pod-tint', '0.1'));
  const state = {} as Record<PodState, string>;
  const fill = {} as Record<PodState, string>;
  const stroke = {} as Record<PodState, string>;
  for (const { state: s } of POD_STATE_LEGEND) {
    const c = v(`--pod-${s}`, '#8b8b96');
    state[s] = c;
    fill[s] = mixColors(c, surface, Number.isFinite(tint) ? tint : 0.1);
    stroke[s] = mixColors(c, border, 0.4);
  }
  return {
    state,
    fill,
    stroke,
    text: v('--text', '#0f172a'),
    textMuted: v('--text-muted', '#5b6678'),
    accent: v('--accent', '#326ce5'),
    highlight: v('--graph-highlight', '#ec4899'),
    failing: state.failing,
    fontSans: v('--font-sans', 'sans-serif'),
    fontMono: v('--font-mono', 'monospace'),
  };
}

const cache = new Map<string, PodPalette>();

/**
 * The palette for a theme, read from `el`'s computed style the first time
 * (a forced style recalculation, so once per theme, not per paint).
 */
export function paletteFor(el: Element, theme: string): PodPalette {
  let p = cache.get(theme);
  if (!p) {
    const style = getComputedStyle(el);
    p = paletteFrom((name) => style.getPropertyValue(name));
    cache.set(theme, p);
  }
  return p;
}
