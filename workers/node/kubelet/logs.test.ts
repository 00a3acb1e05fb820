import { describe, it, expect } from 'vitest';
import { formatLogs, parseLogOptions, execCommand } from './logs';

const t0 = Date.UTC(2025, 0, 1);
const lines = [
  { time: t0 + 1000, stream: 'stdout' as const, text: 'one' },
  { time: t0 + 2000, stream: 'stdout' as const, text: 'two' },
  { time: t0 + 3500, stream: 'stderr' as const, text: 'three' },
];

describe('pod logs options', () => {
  it('applies tailLines, sinceSeconds, timestamps and limitBytes', () => {
    const opts = (q: Record<string, string>) => {
      const o = parseLogOptions(q);
      if ('status' in o) throw new Error('bad options');
      return o;
    };
    expect(formatLogs(lines, opts({}), t0 + 4000)).toBe('one\ntwo\nthree\n');
    expect(formatLogs(lines, opts({ tailLines: '2' }), t0 + 4000)).toBe('two\nthree\n');
    expect(formatLogs(lines, opts({ sinceSeconds: '2' }), t0 + 4000)).toBe('two\nthree\n');
    expect(formatLogs(lines, opts({ timestamps: 'true', tailLines: '1' }), t0 + 4000)).toBe('2025-01-01T00:00:03.5Z three\n');
    expect(formatLogs(lines, opts({ limitBytes: '5' }), t0 + 4000)).toBe('one\nt');
  });
  it('rejects bad values', () => {
    expect(parseLogOptions({ tailLines: 'x' })).toMatchObject({ status: 400 });
    expect(parseLogOptions({ sinceSeconds: '0' })).toMatchObject({ status: 422 });
    expect(parseLogOptions({ tailLines: '-1' })).toMatchObject({ status: 422 });
    expect(parseLogOptions({ sinceTime: 'yesterday' })).toMatchObject({ status: 400 });
    expect(execCommand({}, {})).toMatchObject({ status: 400 });
    expect(execCommand({ command: '["ls","-l"]' }, undefined)).toEqual({ command: ['ls', '-l'], stdin: undefined });
  });
});
