/**
 * Paints a lane's pods onto its canvas: one draw call list instead of a
 * thousand styled elements, so a rolling update costs the browser no style,
 * layout or paint work per pod. The look follows the old CSS cards: tinted
 * card, state bar and dot, name and STATUS near, plain coloured tiles far.
 */
import { POD_H, POD_W } from './geometry';
import type { PodPalette } from './podPalette';
import type { PodCell } from './types';

/** The subset of CanvasRenderingContext2D used here (tests pass a recorder). */
export interface PaintTarget {
  globalAlpha: number;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** A new pod grows and fades in over this long (ms). */
export const ENTER_MS = 480;

export interface PaintOptions {
  /** Canvas pixels per graph unit (zoom × devicePixelRatio, capped). */
  scale: number;
  /** Backing store size in canvas pixels, cleared before painting. */
  canvasWidth: number;
  canvasHeight: number;
  /** Zoomed far out: tiles without text. */
  far: boolean;
  now: number;
  /** Animate appear and disappear (off under prefers-reduced-motion). */
  motion: boolean;
  /** How long a leaving pod fades (ms). */
  leaveMs: number;
}

export interface Appearance {
  alpha: number;
  /** Size relative to the card, about its centre. */
  size: number;
  /** Still changing: paint again next frame. */
  animating: boolean;
}

const easeOut = (t: number) => 1 - (1 - t) ** 3;
const easeIn = (t: number) => t * t;

/**
 * How a pod looks at `now`: fading in, fading out, or steady; null once fully
 * gone. Far out nothing animates (a thousand tiles fading in cost frames
 * nobody can see): new tiles just appear, deleted ones show faint until their
 * slot frees.
 */
export function appearance(cell: PodCell, now: number, far: boolean, motion: boolean, leaveMs: number): Appearance | null {
  const dim = cell.state === 'terminating' ? (far ? 0.45 : 0.78) : 1;
  if (far) motion = false;
  if (cell.leaving) {
    const t = (now - cell.leftAt) / leaveMs;
    if (!(t < 1)) return null;
    if (!motion) return { alpha: 0.25 * dim, size: 1, animating: false };
    const k = easeIn(Math.max(0, t));
    return { alpha: (1 - k) * dim, size: 1 - 0.3 * k, animating: true };
  }
  const t = (now - cell.seenAt) / ENTER_MS;
  if (motion && t >= 0 && t < 1) {
    const k = easeOut(t);
    return { alpha: k * dim, size: 0.6 + 0.4 * k, animating: true };
  }
  return { alpha: dim, size: 1, animating: false };
}

function roundedRect(ctx: PaintTarget, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.moveTo(x + rr, y);
  ctx.lineTo(x + w - rr, y);
  ctx.arcTo(x + w, y, x + w, y + rr, rr);
  ctx.lineTo(x + w, y + h - rr);
  ctx.arcTo(x + w, y + h, x + w - rr, y + h, rr);
  ctx.lineTo(x + rr, y + h);
  ctx.arcTo(x, y + h, x, y + h - rr, rr);
  ctx.lineTo(x, y + rr);
  ctx.arcTo(x, y, x + rr, y, rr);
  ctx.closePath();
}

/** `text`, cut with an ellipsis to fit `max` units in the current font. */
export function fitText(ctx: Pick<PaintTarget, 'measureText'>, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** A far-away tile: rounded while the rounding is still a pixel or more on screen. */
function tile(ctx: PaintTarget, x: number, y: number, radius: number): void {
  if (radius > 0) roundedRect(ctx, x, y, POD_W, POD_H, radius);
  else ctx.rect(x, y, POD_W, POD_H);
}

const TEXT_X = 29;
const TEXT_RIGHT_PAD = 9;

/** Saves the context and applies a cell's fade and grow about its centre (the caller restores). */
function place(ctx: PaintTarget, c: PodCell, a: Appearance): void {
  ctx.save();
  ctx.globalAlpha = a.alpha;
  if (a.size !== 1) {
    const cx = c.x + POD_W / 2;
    const cy = c.y + POD_H / 2;
    ctx.translate(cx, cy);
    ctx.scale(a.size, a.size);
    ctx.translate(-cx, -cy);
  }
}

/**
 * Paints every cell; returns true while any is still animating (the caller
 * paints again next frame). Highlight glows go under the cards, selection
 * rings over them, so neighbours never cover either.
 */
export function paintPods(ctx: PaintTarget, cells: readonly PodCell[], palette: PodPalette, opts: PaintOptions): boolean {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, opts.canvasWidth, opts.canvasHeight);
  ctx.setTransform(opts.scale, 0, 0, opts.scale, 0, 0);
  // Rings stay at least ~2 screen pixels wide however far out the camera is.
  const px = 1 / Math.max(opts.scale, 1e-6);
  let animating = false;
  const shown: { c: PodCell; a: Appearance }[] = [];
  for (const c of cells) {
    const a = appearance(c, opts.now, opts.far, opts.motion, opts.leaveMs);
    if (a === null) continue;
    if (a.animating) animating = true;
    shown.push({ c, a });
  }

  for (const { c, a } of shown) {
    if (!c.highlighted) continue;
    place(ctx, c, a);
    const g = Math.max(6, 5 * px);
    ctx.globalAlpha = a.alpha * 0.3;
    ctx.fillStyle = palette.highlight;
    ctx.beginPath();
    roundedRect(ctx, c.x - g, c.y - g, POD_W + 2 * g, POD_H + 2 * g, 7 + g);
    ctx.fill();
    ctx.globalAlpha = a.alpha;
    ctx.strokeStyle = palette.highlight;
    ctx.lineWidth = Math.max(2, 2 * px);
    ctx.beginPath();
    roundedRect(ctx, c.x - 2.5, c.y - 2.5, POD_W + 5, POD_H + 5, 9);
    ctx.stroke();
    ctx.restore();
  }

  if (opts.far) {
    // Far out: steady tiles batched into one path per colour and opacity; only animating ones one by one.
    const radius = 4 * opts.scale >= 1 ? 4 : 0;
    const batches = new Map<string, PodCell[]>();
    for (const { c, a } of shown) {
      if (a.animating) {
        place(ctx, c, a);
        ctx.fillStyle = palette.state[c.state];
        ctx.beginPath();
        tile(ctx, c.x, c.y, radius);
        ctx.fill();
        ctx.restore();
        continue;
      }
      const key = `${c.state}|${a.alpha}`;
      let b = batches.get(key);
      if (!b) batches.set(key, (b = []));
      b.push(c);
    }
    for (const [key, batch] of batches) {
      const bar = key.indexOf('|');
      ctx.globalAlpha = Number(key.slice(bar + 1));
      ctx.fillStyle = palette.state[key.slice(0, bar) as PodCell['state']];
      ctx.beginPath();
      for (const c of batch) tile(ctx, c.x, c.y, radius);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  } else {
    for (const { c, a } of shown) {
      place(ctx, c, a);
      ctx.beginPath();
      roundedRect(ctx, c.x + 0.5, c.y + 0.5, POD_W - 1, POD_H - 1, 7);
      ctx.fillStyle = palette.fill[c.state];
      ctx.fill();
      ctx.strokeStyle = palette.stroke[c.state];
      ctx.lineWidth = 1;
      if (c.state === 'terminating') ctx.setLineDash([4, 3]);
      ctx.stroke();
      if (c.state === 'terminating') ctx.setLineDash([]);
      // The state bar: the card's left 4 units, inside its rounded outline.
      ctx.clip();
      ctx.fillStyle = palette.state[c.state];
      ctx.beginPath();
      ctx.rect(c.x, c.y, 4, POD_H);
      ctx.fill();
      ctx.beginPath();
      ctx.arc(c.x + 16.5, c.y + POD_H / 2, 4.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    }
  }

  if (!opts.far) {
    const maxText = POD_W - TEXT_X - TEXT_RIGHT_PAD;
    ctx.textBaseline = 'alphabetic';
    // One font per pass: setting ctx.font is the slow part of text on a canvas.
    ctx.font = `600 12px ${palette.fontMono}`;
    for (const { c, a } of shown) {
      place(ctx, c, a);
      ctx.fillStyle = palette.text;
      ctx.fillText(fitText(ctx, c.short, maxText), c.x + TEXT_X, c.y + 20);
      ctx.restore();
    }
    for (const bold of [false, true]) {
      ctx.font = `${bold ? '600 ' : ''}11.5px ${palette.fontSans}`;
      for (const { c, a } of shown) {
        if ((c.state === 'failing') !== bold) continue;
        place(ctx, c, a);
        const restarts = c.restarts > 0 ? ` ↻${c.restarts}` : '';
        const room = maxText - (restarts ? ctx.measureText(restarts).width : 0);
        const reason = fitText(ctx, c.reason, room);
        ctx.fillStyle = bold ? palette.failing : palette.textMuted;
        ctx.fillText(reason, c.x + TEXT_X, c.y + 35);
        if (restarts) {
          ctx.fillStyle = palette.failing;
          ctx.fillText(restarts, c.x + TEXT_X + ctx.measureText(reason).width, c.y + 35);
        }
        ctx.restore();
      }
    }
  }

  for (const { c, a } of shown) {
    if (!c.selected) continue;
    place(ctx, c, a);
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = Math.max(2.5, 2 * px);
    const o = 2 + ctx.lineWidth / 2;
    ctx.beginPath();
    roundedRect(ctx, c.x - o, c.y - o, POD_W + 2 * o, POD_H + 2 * o, 7 + o);
    ctx.stroke();
    ctx.restore();
  }
  return animating;
}

/** Largest canvas side and area we allocate; a bigger lane is painted at a lower resolution. */
const MAX_SIDE = 4096;
const MAX_AREA = 6_000_000;

/** Canvas pixels per graph unit for a lane of `w`×`h` units at `pxPerUnit` screen pixels per unit. */
export function backingScale(w: number, h: number, pxPerUnit: number): number {
  if (!(w > 0 && h > 0 && pxPerUnit > 0)) return 1;
  let s = pxPerUnit;
  s = Math.min(s, MAX_SIDE / w, MAX_SIDE / h);
  if (w * h * s * s > MAX_AREA) s = Math.sqrt(MAX_AREA / (w * h));
  return s;
}

/**
 * Zoom rounded to steps of √2, so the canvases repaint at a new resolution a
 * few times across a zoom gesture, not on every wheel tick.
 */
export function zoomStep(zoom: number): number {
  if (!(zoom > 0)) return 1;
  return 2 ** (Math.ceil(Math.log2(zoom) * 2) / 2);
}
