import { describe, it, expect } from 'vitest';
import { mixColors, paletteFrom, parseColor } from './podPalette';

describe('parseColor', () => {
  it('reads hex and rgb forms', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor(' #16a34a ')).toEqual([22, 163, 74, 1]);
    expect(parseColor('#00000080')).toEqual([0, 0, 0, 128 / 255]);
    expect(parseColor('rgba(24, 35, 58, 0.55)')).toEqual([24, 35, 58, 0.55]);
    expect(parseColor('rgb(1 2 3 / 0.5)')).toEqual([1, 2, 3, 0.5]);
  });

  it('refuses what it cannot read', () => {
    expect(parseColor('')).toBeNull();
    expect(parseColor('red')).toBeNull();
    expect(parseColor('#12')).toBeNull();
    expect(parseColor('#12345')).toBeNull();
    expect(parseColor('rgb(1, x, 3)')).toBeNull();
    expect(parseColor('hsl(1, 2%, 3%)')).toBeNull();
  });
});

describe('mixColors', () => {
  it('mixes like color-mix in srgb', () => {
    expect(mixColors('#000000', '#ffffff', 0.1)).toBe('rgb(230, 230, 230)');
    expect(mixColors('#16a34a', '#ffffff', 1)).toBe('rgb(22, 163, 74)');
    expect(mixColors('#16a34a', '#ffffff', 0)).toBe('rgb(255, 255, 255)');
    expect(mixColors('rgba(0, 0, 0, 0)', '#ffffff', 0.5)).toBe('rgba(128, 128, 128, 0.5)');
  });

  it('clamps the weight and falls back to the first colour when either is unreadable', () => {
    expect(mixColors('#000', '#fff', 7)).toBe('rgb(0, 0, 0)');
    expect(mixColors('var(--x)', '#fff', 0.5)).toBe('var(--x)');
    expect(mixColors('#000', 'nonsense', 0.5)).toBe('#000');
  });
});

describe('paletteFrom', () => {
  const vars: Record<string, string> = {
    '--surface': '#ffffff',
    '--border': '#d9dee6',
    '--pod-tint': '0.1',
    '--pod-running': '#16a34a',
    '--pod-failing': '#dc2626',
    '--accent': '#326ce5',
  };

  it('tints each state into the surface and the border, as the cards did', () => {
    const p = paletteFrom((n) => vars[n] ?? '');
    expect(p.state.running).toBe('#16a34a');
    expect(p.fill.running).toBe(mixColors('#16a34a', '#ffffff', 0.1));
    expect(p.stroke.running).toBe(mixColors('#16a34a', '#d9dee6', 0.4));
    expect(p.failing).toBe('#dc2626');
    expect(p.accent).toBe('#326ce5');
  });

  it('falls back for unset variables and a bad tint', () => {
    const p = paletteFrom((n) => (n === '--pod-tint' ? 'lots' : ''));
    expect(p.state.pending).toBe('#8b8b96');
    expect(p.fill.pending).toBe(mixColors('#8b8b96', '#ffffff', 0.1));
    expect(p.highlight).toBe('#ec4899');
    expect(p.fontMono).toBe('monospace');
  });
});
