import { describe, it, expect } from 'vitest';
import { paletteFrom } from './podPalette';
import { appearance, backingScale, ENTER_MS, fitText, paintPods, zoomStep, type PaintOptions, type PaintTarget } from './podPaint';
import type { PodCell } from './types';

/** A canvas context that records what was drawn, with the style in force at each fill, stroke and text. */
function recorder() {
  const calls: { op: string; args: unknown[]; fill: string; stroke: string; font: string; alpha: number }[] = [];
  const ctx = {
    globalAlpha: 1,
    fillStyle: '' as PaintTarget['fillStyle'],
    strokeStyle: '' as PaintTarget['strokeStyle'],
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    measureText: (t: string) => ({ width: t.length * 7 }),
  };
  const stack: (typeof ctx)[] = [];
  const log =
    (op: string) =>
    (...args: unknown[]) => {
      calls.push({ op, args, fill: String(ctx.fillStyle), stroke: String(ctx.strokeStyle), font: ctx.font, alpha: ctx.globalAlpha });
    };
  const target: PaintTarget = Object.assign(ctx, {
    setTransform: log('setTransform'),
    clearRect: log('clearRect'),
    save: () => stack.push({ ...ctx }),
    restore: () => Object.assign(ctx, stack.pop()),
    translate: log('translate'),
    scale: log('scale'),
    beginPath: log('beginPath'),
    closePath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    arcTo: () => {},
    arc: log('arc'),
    rect: log('rect'),
    fill: log('fill'),
    stroke: log('stroke'),
    clip: log('clip'),
    setLineDash: log('setLineDash'),
    fillText: log('fillText'),
  });
  return { ctx: target, calls, texts: () => calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]) };
}

const palette = paletteFrom((n) => ({ '--pod-running': '#16a34a', '--pod-terminating': '#9333ea', '--accent': '#326ce5', '--graph-highlight': '#db2777' })[n] ?? '');

function cell(over: Partial<PodCell> = {}): PodCell {
  return {
    uid: 'u1',
    name: 'web-7d9f4-aaaaa',
    namespace: 'default',
    short: 'web-7d9f4-aaaaa',
    reason: 'Running',
    state: 'running',
    ready: '1/1',
    restarts: 0,
    label: 'Pod web-7d9f4-aaaaa Running',
    x: 14,
    y: 60,
    selected: false,
    highlighted: false,
    leaving: false,
    seenAt: Number.NEGATIVE_INFINITY,
    leftAt: 0,
    ...over,
  };
}

const opts = (over: Partial<PaintOptions> = {}): PaintOptions => ({
  scale: 1,
  canvasWidth: 400,
  canvasHeight: 300,
  far: false,
  now: 1000,
  motion: true,
  leaveMs: 450,
  ...over,
});

describe('appearance', () => {
  it('is steady for pods seen long ago', () => {
    expect(appearance(cell(), 1000, false, true, 450)).toEqual({ alpha: 1, size: 1, animating: false });
  });

  it('fades and grows a new pod in, then settles', () => {
    const a = appearance(cell({ seenAt: 1000 }), 1000 + ENTER_MS / 2, false, true, 450)!;
    expect(a.animating).toBe(true);
    expect(a.alpha).toBeGreaterThan(0);
    expect(a.alpha).toBeLessThan(1);
    expect(a.size).toBeGreaterThan(0.6);
    expect(a.size).toBeLessThan(1);
    expect(appearance(cell({ seenAt: 1000 }), 1000 + ENTER_MS, false, true, 450)).toEqual({ alpha: 1, size: 1, animating: false });
  });

  it('fades a deleted pod out and then draws nothing', () => {
    const ghost = cell({ leaving: true, leftAt: 1000 });
    const mid = appearance(ghost, 1200, false, true, 450)!;
    expect(mid.animating).toBe(true);
    expect(mid.alpha).toBeLessThan(1);
    expect(appearance(ghost, 1450, false, true, 450)).toBeNull();
    expect(appearance(ghost, 5000, false, true, 450)).toBeNull();
  });

  it('does not animate under reduced motion', () => {
    expect(appearance(cell({ seenAt: 1000 }), 1010, false, false, 450)).toEqual({ alpha: 1, size: 1, animating: false });
    expect(appearance(cell({ leaving: true, leftAt: 1000 }), 1010, false, false, 450)).toEqual({ alpha: 0.25, size: 1, animating: false });
  });

  it('does not animate far away', () => {
    expect(appearance(cell({ seenAt: 1000 }), 1010, true, true, 450)).toEqual({ alpha: 1, size: 1, animating: false });
    expect(appearance(cell({ leaving: true, leftAt: 1000 }), 1010, true, true, 450)).toEqual({ alpha: 0.25, size: 1, animating: false });
  });

  it('dims terminating pods, more so far away', () => {
    expect(appearance(cell({ state: 'terminating' }), 1000, false, true, 450)!.alpha).toBe(0.78);
    expect(appearance(cell({ state: 'terminating' }), 1000, true, true, 450)!.alpha).toBe(0.45);
  });
});

describe('paintPods', () => {
  it('clears the canvas, then draws name and STATUS near', () => {
    const r = recorder();
    const animating = paintPods(r.ctx, [cell(), cell({ uid: 'u2', short: 'web-7d9f4-bbbbb', reason: 'CrashLoopBackOff', state: 'failing', restarts: 3 })], palette, opts());
    expect(animating).toBe(false);
    expect(r.calls[1]).toMatchObject({ op: 'clearRect', args: [0, 0, 400, 300] });
    expect(r.texts()).toEqual(['web-7d9f4-aaaaa', 'web-7d9f4-bbbbb', 'Running', 'CrashLoopBackOff', ' ↻3']);
    const restarts = r.calls.find((c) => c.args[0] === ' ↻3')!;
    expect(restarts.fill).toBe(palette.failing);
  });

  it('draws tiles without text far away, one fill per colour', () => {
    const r = recorder();
    paintPods(r.ctx, [cell(), cell({ uid: 'u2', x: 200 }), cell({ uid: 'u3', state: 'terminating' })], palette, opts({ far: true, scale: 0.2 }));
    expect(r.texts()).toEqual([]);
    expect(r.calls.filter((c) => c.op === 'fill').map((c) => [c.fill, c.alpha])).toEqual([
      ['#16a34a', 1],
      ['#9333ea', 0.45],
    ]);
    // Rounding under a screen pixel is not worth the arcs.
    expect(r.calls.filter((c) => c.op === 'rect')).toHaveLength(3);
  });

  it('draws a card that is fading in on its own, far tiles without animation', () => {
    const near = recorder();
    expect(paintPods(near.ctx, [cell(), cell({ uid: 'u2', x: 200, seenAt: 900 })], palette, opts({ now: 1000 }))).toBe(true);
    const cardFills = near.calls.filter((c) => c.op === 'fill' && c.fill === palette.fill.running);
    expect(cardFills.map((c) => c.alpha > 0 && c.alpha < 1)).toEqual([false, true]);
    const far = recorder();
    expect(paintPods(far.ctx, [cell(), cell({ uid: 'u2', x: 200, seenAt: 900 }), cell({ uid: 'u3', leaving: true, leftAt: 900 })], palette, opts({ far: true, now: 1000 }))).toBe(false);
    expect(far.calls.filter((c) => c.op === 'fill').map((c) => c.alpha)).toEqual([1, 0.25]);
  });

  it('rings the selection in the accent colour and glows highlighted pods', () => {
    const r = recorder();
    paintPods(r.ctx, [cell({ selected: true }), cell({ uid: 'u2', highlighted: true, x: 200 })], palette, opts({ far: true }));
    const strokes = r.calls.filter((c) => c.op === 'stroke').map((c) => c.stroke);
    expect(strokes).toContain('#326ce5');
    expect(strokes).toContain('#db2777');
    const glow = r.calls.find((c) => c.op === 'fill' && c.fill === '#db2777')!;
    expect(glow.alpha).toBeLessThan(1);
    // The glow is drawn before (under) the cards, the ring after (over) them.
    const firstCard = r.calls.findIndex((c) => c.op === 'fill' && c.fill === '#16a34a');
    expect(r.calls.indexOf(glow)).toBeLessThan(firstCard);
    expect(r.calls.findIndex((c) => c.op === 'stroke' && c.stroke === '#326ce5')).toBeGreaterThan(firstCard);
  });

  it('reports animation while a pod fades in or out, and skips ghosts whose fade is over', () => {
    const r = recorder();
    expect(paintPods(r.ctx, [cell({ seenAt: 990 })], palette, opts())).toBe(true);
    expect(paintPods(r.ctx, [cell({ leaving: true, leftAt: 900 })], palette, opts())).toBe(true);
    const done = recorder();
    expect(paintPods(done.ctx, [cell({ leaving: true, leftAt: 100 })], palette, opts())).toBe(false);
    expect(done.calls.filter((c) => c.op === 'fill' || c.op === 'fillText')).toEqual([]);
  });

  it('dashes the outline of a terminating pod', () => {
    const r = recorder();
    paintPods(r.ctx, [cell({ state: 'terminating' })], palette, opts());
    expect(r.calls.filter((c) => c.op === 'setLineDash').map((c) => c.args[0])).toEqual([[4, 3], []]);
  });
});

describe('fitText', () => {
  const m = { measureText: (t: string) => ({ width: t.length * 7 }) };
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(fitText(m, 'Running', 100)).toBe('Running');
    expect(fitText(m, 'CreateContainerConfigError', 70)).toBe('CreateCon…');
    expect(fitText(m, 'abc', 0)).toBe('…');
  });
});

describe('backingScale', () => {
  it('follows the zoom for small lanes and caps big ones', () => {
    expect(backingScale(700, 1000, 0.5)).toBe(0.5);
    expect(backingScale(700, 1000, 2)).toBe(2);
    const s = backingScale(3000, 8000, 2);
    expect(3000 * s).toBeLessThanOrEqual(4096);
    expect(8000 * s).toBeLessThanOrEqual(4096);
    expect(3000 * 8000 * s * s).toBeLessThanOrEqual(6_000_001);
  });

  it('is 1 for sizes or zooms it cannot use', () => {
    expect(backingScale(0, 100, 1)).toBe(1);
    expect(backingScale(100, 100, Number.NaN)).toBe(1);
    expect(backingScale(100, -5, 1)).toBe(1);
  });
});

describe('zoomStep', () => {
  it('rounds zoom up to steps of √2', () => {
    expect(zoomStep(1)).toBe(1);
    expect(zoomStep(0.9)).toBe(1);
    expect(zoomStep(0.25)).toBe(0.25);
    expect(zoomStep(0.3)).toBeCloseTo(Math.SQRT1_2 / 2);
    expect(zoomStep(1.2)).toBeCloseTo(Math.SQRT2);
    expect(zoomStep(0)).toBe(1);
    expect(zoomStep(Number.NaN)).toBe(1);
  });
});
