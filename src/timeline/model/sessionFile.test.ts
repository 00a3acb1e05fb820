import { describe, it, expect } from 'vitest';
import { SESSION_FORMAT } from '../../../workers/timeline/types';
import { checkSessionText, describeReplay, sessionFileName, shortHash } from './sessionFile';

describe('session files', () => {
  it('names the download after the seed and revision', () => {
    expect(sessionFileName({ revision: 812, options: { seed: 7 } })).toBe('kube-playground-session-seed7-rev812.json');
    expect(sessionFileName({ revision: 3, options: {} })).toBe('kube-playground-session-rev3.json');
  });

  it('accepts a session document and reports what it holds', () => {
    const text = JSON.stringify({ format: SESSION_FORMAT, actions: [], tasksRun: 40, revision: 120, historyHash: 'abc' });
    expect(checkSessionText(text)).toEqual({ ok: true, tasksRun: 40, revision: 120, historyHash: 'abc' });
  });

  it('refuses what is not a session, saying why', () => {
    expect(checkSessionText('{nope')).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON: /) });
    expect(checkSessionText('[]')).toEqual({ ok: false, message: 'not a session: expected a JSON object' });
    expect(checkSessionText('{"format":"other"}')).toEqual({ ok: false, message: `not a session: format is "other", expected "${SESSION_FORMAT}"` });
    expect(checkSessionText(JSON.stringify({ format: SESSION_FORMAT, actions: 3 }))).toEqual({ ok: false, message: 'not a session: "actions" must be a list' });
    expect(checkSessionText('x'.repeat(21 * 1024 * 1024)).ok).toBe(false);
  });

  it('says whether a replay reproduced the history', () => {
    expect(shortHash('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(describeReplay({ generation: 2, tasksRun: 40, revision: 120, historyHash: 'feedfacecafebeef', matches: true })).toBe(
      'Session replayed: 40 tasks to revision 120, history hash feedfacecafe — the same history as the export.',
    );
    expect(describeReplay({ generation: 2, tasksRun: 40, revision: 120, historyHash: 'feedfacecafebeef', matches: false })).toMatch(/DIFFERENT/);
  });
});
