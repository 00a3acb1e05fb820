import { useEffect, useId, useRef, useState } from 'react';
import { LOG_REFRESH_MS, LOG_TAIL_LINES, usePodLogs } from '../usePodLogs';

/** `kubectl logs --tail=100 -c <container>`, refreshed while open. */
export function LogsTab({ namespace, pod, containers }: { namespace: string; pod: string; containers: string[] }) {
  const [container, setContainer] = useState<string | undefined>(containers[0]);
  const current = container !== undefined && containers.includes(container) ? container : containers[0];
  const logs = usePodLogs(namespace, pod, current);
  const pre = useRef<HTMLPreElement>(null);
  const pickerId = useId();

  // Follow the tail unless the reader scrolled up to read something.
  const follow = useRef(true);
  useEffect(() => {
    const el = pre.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [logs.text]);
  const onScroll = () => {
    const el = pre.current;
    if (el) follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 32;
  };

  if (containers.length === 0) return <p className="in-none">This pod has no containers.</p>;
  return (
    <div className="in-logs">
      <div className="in-toolbar">
        <label htmlFor={pickerId}>Container</label>
        <select id={pickerId} value={current} onChange={(e) => setContainer(e.target.value)} data-testid="logs-container">
          {containers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <span className="in-muted">
          last {LOG_TAIL_LINES} lines · refreshes every {LOG_REFRESH_MS / 1000} s
        </span>
      </div>
      {logs.error && (
        <p className="in-error" role="status" data-testid="logs-error">
          {logs.error}
        </p>
      )}
      <pre ref={pre} onScroll={onScroll} className="in-code in-log" data-testid="inspector-logs" aria-label={`Logs of ${current ?? ''}`}>
        {logs.loading ? 'Loading…' : logs.text || (logs.error ? '' : '(no output yet)')}
      </pre>
    </div>
  );
}
