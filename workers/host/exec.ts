/**
 * `kubectl exec` (and attach) over WebSockets, as kubectl 1.32 speaks it by
 * default: the `v5.channel.k8s.io` subprotocol (v4 accepted too), one byte of
 * channel before each message — 0 stdin, 1 stdout, 2 stderr, 3 the final
 * Status, 255 "close stream" (v5) — and the Status that carries the exit code
 * (staging/src/k8s.io/apimachinery/pkg/util/remotecommand, kubelet cri streaming).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Cluster } from '../cluster';
import type { ApiRequest } from '../api/request';
import { routeRequest } from './route';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

export interface ExecOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

/** Handle an HTTP upgrade; returns false when it is not an exec/attach request. */
export function handleUpgrade(cluster: Cluster, req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const routed = routeRequest('POST', url.pathname, Object.fromEntries(url.searchParams));
  if (routed.type !== 'resource' || (routed.req.subresource !== 'exec' && routed.req.subresource !== 'attach')) return false;
  const command = url.searchParams.getAll('command');
  wss.handleUpgrade(req, socket, head, (ws) => {
    const wantsStdin = url.searchParams.get('stdin') === 'true';
    if (wantsStdin && url.searchParams.get('tty') === 'true') {
      return interactive(cluster, ws, routed.req as ApiRequest, command, req.headers['user-agent']);
    }
    const run = (stdin: string | undefined) => {
      cluster.settle();
      const r = cluster.request({ ...(routed.req as ApiRequest), verb: 'create', body: { command, stdin }, userAgent: req.headers['user-agent'] });
      finish(ws, r.status, r.body, command);
    };
    if (!wantsStdin) return run(undefined);
    // Collect stdin until the client closes it (v5) or the socket ends.
    let input = '';
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        run(input);
      }
    };
    ws.on('message', (data: Buffer) => {
      if (!data.length) return;
      if (data[0] === STDIN) input += data.subarray(1).toString('utf8');
      else if (data[0] === CLOSE && data[1] === STDIN) go();
    });
    ws.on('close', go);
  });
  return true;
}

function send(ws: WebSocket, channel: number, text: string): void {
  if (!text) return;
  ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]));
}

function finish(ws: WebSocket, status: number, body: unknown, command: string[]): void {
  if (status >= 400) {
    // A refused exec: kubectl prints the Status message ("error: ... ").
    send(ws, ERROR, JSON.stringify(body));
    ws.close(1000);
    return;
  }
  const out = body as ExecOutcome;
  send(ws, STDOUT, out.stdout);
  send(ws, STDERR, out.stderr);
  const st =
    out.exitCode === 0
      ? { metadata: {}, status: 'Success' }
      : {
          metadata: {},
          status: 'Failure',
          message: `command terminated with non-zero exit code: command '${command.join(' ')}' exited with ${out.exitCode}`,
          reason: 'NonZeroExitCode',
          details: { causes: [{ reason: 'ExitCode', message: String(out.exitCode) }] },
        };
  send(ws, ERROR, JSON.stringify(st));
  ws.close(1000);
}

const RESIZE = 4;

/**
 * `kubectl exec -it … -- sh`: a terminal session. The remote side of a TTY
 * echoes what is typed and runs each line in the container's shell; `cd`
 * is remembered between lines, `exit` ends the session.
 */
function interactive(cluster: Cluster, ws: WebSocket, base: ApiRequest, command: string[], userAgent: string | undefined): void {
  const shells = ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash'];
  if (!shells.includes(command[0] ?? '')) {
    // Not a shell: run the command once, as without a TTY.
    cluster.settle();
    const r = cluster.request({ ...base, verb: 'create', body: { command }, userAgent });
    return finish(ws, r.status, r.body, command);
  }
  const podReq: ApiRequest = { verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: base.namespace, name: base.name };
  const hostname = base.name ?? 'pod';
  const image = ((cluster.request(podReq).body as { spec?: { containers?: { image?: string }[] } }).spec?.containers?.[0]?.image ?? '').toLowerCase();
  const busybox = /busybox|alpine/.test(image);
  let cwd = '/';
  const prompt = () => (busybox ? `${cwd} # ` : `root@${hostname}:${cwd}# `);
  let line = '';
  let exitCode = 0;
  const out = (text: string) => send(ws, STDOUT, text.replace(/\r?\n/g, '\r\n'));
  out(prompt());
  const run = (text: string): boolean => {
    const trimmed = text.trim();
    if (trimmed === 'exit' || trimmed.startsWith('exit ')) {
      exitCode = Number(trimmed.slice(4).trim() || exitCode) || 0;
      return false;
    }
    if (trimmed) {
      cluster.settle();
      const cd = /^cd(?:\s+(\S+))?$/.exec(trimmed);
      const script = cd ? `cd ${cwd} && cd ${cd[1] ?? '/root'} && pwd` : `cd ${cwd} && ${trimmed}`;
      const r = cluster.request({ ...base, verb: 'create', body: { command: [command[0], '-c', script] }, userAgent });
      if (r.status >= 400) out(`${(r.body as { message?: string }).message ?? 'error'}\n`);
      else {
        const o = r.body as ExecOutcome;
        if (cd) {
          if (o.exitCode === 0) cwd = o.stdout.trim() || cwd;
          else out(o.stderr);
        } else {
          out(o.stdout);
          out(o.stderr);
        }
        exitCode = o.exitCode;
      }
    }
    out(prompt());
    return true;
  };
  ws.on('message', (data: Buffer) => {
    if (!data.length || data[0] === RESIZE) return;
    if (data[0] === CLOSE) return;
    if (data[0] !== STDIN) return;
    for (const ch of data.subarray(1).toString('utf8')) {
      if (ch === '\r' || ch === '\n') {
        out('\n');
        const keep = run(line);
        line = '';
        if (!keep) {
          const st = exitCode === 0 ? { metadata: {}, status: 'Success' } : { metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: exit status ${exitCode}`, reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] } };
          send(ws, ERROR, JSON.stringify(st));
          ws.close(1000);
          return;
        }
      } else if (ch === '\x7f' || ch === '\b') {
        if (line.length) {
          line = line.slice(0, -1);
          send(ws, STDOUT, '\b \b');
        }
      } else if (ch === '\x03') {
        line = '';
        out('^C\n');
        out(prompt());
      } else if (ch === '\x04') {
        if (!line) {
          run('exit');
          send(ws, ERROR, JSON.stringify({ metadata: {}, status: 'Success' }));
          ws.close(1000);
          return;
        }
      } else if (ch >= ' ') {
        line += ch;
        send(ws, STDOUT, ch);
      }
    }
  });
}
