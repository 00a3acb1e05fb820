import { useRef } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterSession } from '../cluster/ClusterContext';
import { checkSessionText, sessionFileName, sessionFileText, shortHash } from './model/sessionFile';
import { useTimeline, useTimelineClient, useTimelineStore } from './useTimeline';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the session as a JSON file; open one to replay it (same seed, same actions, same history). */
export function SessionControls() {
  const store = useTimelineStore();
  const tl = useTimelineClient();
  const run = useRunAction();
  const cluster = useClusterSession().store;
  const session = useTimeline((s) => s.session);
  const picker = useRef<HTMLInputElement>(null);
  const busy = session.phase === 'exporting' || session.phase === 'replaying';

  const onExport = async () => {
    store.setState({ session: { phase: 'exporting' } });
    const r = await tl.exportSession();
    if (!r.ok) {
      store.setState({ session: { phase: 'failed', message: r.status.message ?? 'export failed' } });
      return;
    }
    const fileName = sessionFileName(r.value);
    download(fileName, sessionFileText(r.value));
    store.setState({ session: { phase: 'exported', fileName, historyHash: r.value.historyHash, revision: r.value.revision } });
  };

  const onFile = async (file: File) => {
    const text = await file.text();
    const check = checkSessionText(text);
    if (!check.ok) {
      store.setState({ session: { phase: 'failed', message: `${file.name}: ${check.message}` } });
      return;
    }
    store.setState({ session: { phase: 'replaying', fileName: file.name, tasks: check.tasksRun } });
    const r = await run('openSession', { document: text });
    if (!r.ok) {
      store.setState({ session: { phase: 'failed', message: `${file.name}: ${r.message}` } });
      return;
    }
    // The replay's own verdict: its history hashed right after the last task, against the file's.
    const history = cluster.getState().narration?.history;
    store.setState({
      session: {
        phase: 'replayed',
        fileName: file.name,
        text: `Replayed ${check.tasksRun} tasks to revision ${check.revision}.`,
        historyHash: history?.hash ?? '',
        matches: history?.matches === true && history.hash === check.historyHash,
      },
    });
  };

  return (
    <div className="tl-session" role="group" aria-label="Session">
      <SessionStatus />
      <button type="button" className="tl-button" onClick={() => void onExport()} disabled={busy} data-testid="session-export" title="Download this session (seed and actions) as JSON">
        Export
      </button>
      <button type="button" className="tl-button" onClick={() => picker.current?.click()} disabled={busy} data-testid="session-open" title="Replay a session file">
        Open…
      </button>
      <input
        ref={picker}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="session-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
    </div>
  );
}

function SessionStatus() {
  const s = useTimeline((st) => st.session);
  switch (s.phase) {
    case 'idle':
      return null;
    case 'exporting':
      return <span className="tl-session-status">Exporting…</span>;
    case 'exported':
      return (
        <span className="tl-session-status" data-testid="session-status" data-hash={s.historyHash} title={`${s.fileName}: history hash ${s.historyHash}`}>
          Saved · hash <code>{shortHash(s.historyHash)}</code>
        </span>
      );
    case 'replaying':
      return (
        <span className="tl-session-status is-busy" data-testid="session-status" role="status">
          <span className="tl-spinner" aria-hidden="true" /> Replaying {s.tasks} tasks…
        </span>
      );
    case 'replayed':
      return (
        <span className={`tl-session-status ${s.matches ? 'is-ok' : 'is-bad'}`} data-testid="session-status" data-hash={s.historyHash} data-matches={s.matches} role="status" title={`${s.fileName}: ${s.text} History hash ${s.historyHash}`}>
          {s.matches ? '✓ Same history' : '✗ Different history'} · hash <code>{shortHash(s.historyHash)}</code>
        </span>
      );
    case 'failed':
      return (
        <span className="tl-session-status is-bad" role="alert" data-testid="session-status" title={s.message}>
          {s.message}
        </span>
      );
  }
}
