import { describe, expect, it } from 'vitest';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, printTolerationsMultiline, rfc1123z, since } from './format';
import { tabbedString } from './prefixWriter';

describe('describe formatting helpers', () => {
  it('labels: sorted key=value lines, <none> when empty or missing', () => {
    expect(tabbedString((w) => printLabelsMultiline(w, 'Labels', { b: '2', a: '1' }))).toBe('Labels:  a=1\n         b=2\n');
    expect(tabbedString((w) => printLabelsMultiline(w, 'Labels', undefined))).toBe('Labels:  <none>\n');
    expect(tabbedString((w) => printLabelsMultiline(w, '  Labels', {}))).toBe('  Labels:  <none>\n');
  });

  it('annotations: skips last-applied-configuration, breaks long and multi-line values', () => {
    const long = 'x'.repeat(150);
    const out = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'short', big: long, multi: 'one\ntwo\n' }),
    );
    expect(out).toBe(`Annotations:  big:\n                ${'x'.repeat(138)}...\n              multi:\n                one\n                two\n              note: short\n`);
    expect(tabbedString((w) => printAnnotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }))).toBe('Annotations:  <none>\n');
  });

  it('taints sort by effect then key; tolerations render operators and seconds', () => {
    const taints = tabbedString((w) =>
      printTaintsMultiline(w, 'Taints', [
        { key: 'z', effect: 'NoSchedule' },
        { key: 'a', value: 'v', effect: 'NoExecute' },
      ]),
    );
    expect(taints).toBe('Taints:  a=v:NoExecute\n         z:NoSchedule\n');
    const tol = tabbedString((w) =>
      printTolerationsMultiline(w, 'Tolerations', [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { operator: 'Exists' },
        { key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' },
      ]),
    );
    expect(tol).toBe('Tolerations:  op=Exists\n              dedicated=batch:NoSchedule\n              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
    expect(tabbedString((w) => printTolerationsMultiline(w, 'Tolerations', []))).toBe('Tolerations:  <none>\n');
  });

  it('times: RFC1123Z in UTC, Go zero time when missing; ages as kubectl prints them', () => {
    expect(rfc1123z('2025-01-01T00:00:05Z')).toBe('Wed, 01 Jan 2025 00:00:05 +0000');
    expect(rfc1123z('2025-03-09T14:07:00+02:00')).toBe('Sun, 09 Mar 2025 12:07:00 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    expect(rfc1123z('not a time')).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    const now = Date.UTC(2025, 0, 1, 0, 10, 2);
    expect(since('2025-01-01T00:07:00Z', now)).toBe('3m2s');
    expect(since('2025-01-01T00:00:00Z', now)).toBe('10m');
    expect(since(null, now)).toBe('<unknown>');
  });
});
