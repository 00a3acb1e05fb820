/**
 * Session files as the page handles them: the download's name and text, a
 * first check of a picked file before the worker replays it, and how the
 * outcome of a replay reads.
 */
import { SESSION_FORMAT, type ReplayResult, type SessionDocument } from '../../../workers/timeline/types';

/** Files bigger than this are refused before reading them (a session is a seed and a list of actions). */
export const MAX_SESSION_BYTES = 20 * 1024 * 1024;

/** The first 12 hex digits: enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}

export function sessionFileName(doc: Pick<SessionDocument, 'revision' | 'options'>): string {
  const seed = doc.options.seed === undefined ? '' : `-seed${doc.options.seed}`;
  return `kube-playground-session${seed}-rev${doc.revision}.json`;
}

export function sessionFileText(doc: SessionDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type SessionCheck = { ok: true; tasksRun: number; revision: number; historyHash: string } | { ok: false; message: string };

/** Cheap checks with messages a person can act on; the worker validates the rest. */
export function checkSessionText(text: string): SessionCheck {
  if (text.length > MAX_SESSION_BYTES) return { ok: false, message: `the file is larger than ${MAX_SESSION_BYTES / 1024 / 1024} MiB: not a session` };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, message: 'not a session: expected a JSON object' };
  const d = doc as Record<string, unknown>;
  if (d.format !== SESSION_FORMAT) {
    return { ok: false, message: `not a session: format is ${JSON.stringify(d.format ?? null)}, expected "${SESSION_FORMAT}"` };
  }
  if (!Array.isArray(d.actions)) return { ok: false, message: 'not a session: "actions" must be a list' };
  const tasksRun = typeof d.tasksRun === 'number' ? d.tasksRun : 0;
  const revision = typeof d.revision === 'number' ? d.revision : 0;
  const historyHash = typeof d.historyHash === 'string' ? d.historyHash : '';
  return { ok: true, tasksRun, revision, historyHash };
}

export function describeReplay(r: ReplayResult): string {
  const verdict = r.matches ? 'the same history as the export' : 'a DIFFERENT history from the export';
  return `Session replayed: ${r.tasksRun} tasks to revision ${r.revision}, history hash ${shortHash(r.historyHash)} — ${verdict}.`;
}
