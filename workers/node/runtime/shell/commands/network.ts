/**
 * Network clients: wget, curl, nslookup, nc. They go through the
 * container's network hook; without one only localhost answers and names do
 * not resolve, which busybox reports as `bad address` (what it prints when
 * DNS fails).
 */
import type { HttpResponse, ProgramContext, ProgramRun } from '../../process/program';
import { parseOpts, resolve } from './util';

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  412: 'Precondition Failed', 417: 'Expectation Failed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

interface Target {
  host: string;
  port: number;
  path: string;
}

function parseUrl(url: string): Target | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

type Fetched = { ok: true; res: HttpResponse; ip: string } | { ok: false; error: 'resolve' | 'refused' | 'timeout' | 'unreachable'; ip?: string };

function fetch(ctx: ProgramContext, t: Target, method = 'GET', userAgent = 'Wget'): Fetched {
  const self = t.host === 'localhost' || t.host === '127.0.0.1' || t.host === ctx.sys.hostname || t.host === ctx.sys.podIP;
  const headers = { Host: t.port === 80 ? t.host : `${t.host}:${t.port}`, 'User-Agent': userAgent, Accept: '*/*' };
  if (self) {
    const res = ctx.sys.selfHttp({ method, path: t.path, port: t.port, headers, clientIP: '127.0.0.1' });
    return res ? { ok: true, res, ip: '127.0.0.1' } : { ok: false, error: 'refused', ip: '127.0.0.1' };
  }
  const net = ctx.sys.network;
  const ips = /^\d+\.\d+\.\d+\.\d+$/.test(t.host) ? [t.host] : net?.resolve(t.host);
  if (!net || !ips || !ips.length) return { ok: false, error: 'resolve' };
  const r = net.http({ method, ip: ips[0], port: t.port, path: t.path, host: t.host, headers });
  if ('error' in r) return { ok: false, error: r.error, ip: ips[0] };
  return { ok: true, res: r, ip: ips[0] };
}

/** Answer after the time the server took (a CPU-heavy page), or at once. */
function afterResponse(res: HttpResponse, finish: () => number): number | ProgramRun {
  const ms = res.elapsedMs ?? 0;
  if (ms <= 0) return finish();
  return (function* (): ProgramRun {
    yield { kind: 'sleep', ms };
    return finish();
  })();
}

/** busybox wget. */
export function wget(ctx: ProgramContext): number | ProgramRun {
  const { flags, values, operands } = parseOpts(ctx.argv.slice(1), 'OTUY');
  const url = operands[0];
  if (!url) {
    ctx.io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const t = parseUrl(url);
  if (!t) {
    ctx.io.err(`wget: bad address '${url}'\n`);
    return 1;
  }
  const quiet = flags.has('q');
  const spider = flags.has('--spider');
  const r = fetch(ctx, t, spider ? 'HEAD' : 'GET');
  if (!r.ok) {
    if (r.error === 'resolve') ctx.io.err(`wget: bad address '${t.host}${t.port !== 80 ? `:${t.port}` : ''}'\n`);
    else if (r.error === 'refused') {
      if (!quiet) ctx.io.err(`Connecting to ${t.host}${t.port !== 80 ? `:${t.port}` : ''} (${r.ip}:${t.port})\n`);
      ctx.io.err(`wget: can't connect to remote host (${r.ip}): Connection refused\n`);
    } else ctx.io.err('wget: download timed out\n');
    return 1;
  }
  if (!quiet) ctx.io.err(`Connecting to ${t.host}${t.port !== 80 ? `:${t.port}` : ''} (${r.ip}:${t.port})\n`);
  return afterResponse(r.res, () => wgetSave(ctx, t, r.res, { quiet, spider, out: values.get('O') }));
}

function wgetSave(ctx: ProgramContext, t: Target, res: HttpResponse, o: { quiet: boolean; spider: boolean; out?: string }): number {
  const { quiet, spider } = o;
  if (res.status >= 400) {
    ctx.io.err(`wget: server returned error: HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) ctx.io.err('remote file exists\n');
    return 0;
  }
  const out = o.out ?? (t.path.split('?')[0].split('/').pop() || 'index.html');
  const size = res.body.length;
  if (out === '-') {
    if (!quiet) ctx.io.err('writing to stdout\n');
    ctx.io.out(res.body);
    if (!quiet) ctx.io.err(`-                    100% |********************************|   ${size}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) ctx.io.err(`saving to '${out}'\n`);
  const e = ctx.sys.fs.write(resolve(ctx, out), res.body);
  if (e) {
    ctx.io.err(`wget: can't open '${out}': ${e === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
    return 1;
  }
  if (!quiet) ctx.io.err(`${out.padEnd(20).slice(0, 20)} 100% |********************************|   ${size}  0:00:00 ETA\n'${out}' saved\n`);
  return 0;
}

export function curl(ctx: ProgramContext): number | ProgramRun {
  const { flags, values, operands } = parseOpts(ctx.argv.slice(1), 'oXHmdA');
  const url = operands[0];
  if (!url) {
    ctx.io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const t = parseUrl(url);
  const silent = flags.has('s') && !flags.has('S');
  if (!t) {
    if (!silent) ctx.io.err(`curl: (3) URL rejected: Malformed input to a URL function\n`);
    return 3;
  }
  const method = values.get('X') ?? (flags.has('I') ? 'HEAD' : 'GET');
  const r = fetch(ctx, t, method, 'curl/8.5.0');
  if (!r.ok) {
    if (r.error === 'resolve') {
      if (!silent) ctx.io.err(`curl: (6) Could not resolve host: ${t.host}\n`);
      return 6;
    }
    if (r.error === 'refused') {
      if (!silent) ctx.io.err(`curl: (7) Failed to connect to ${t.host} port ${t.port} after 0 ms: Couldn't connect to server\n`);
      return 7;
    }
    if (!silent) ctx.io.err(`curl: (28) Failed to connect to ${t.host} port ${t.port} after 130000 ms: Couldn't connect to server\n`);
    return 28;
  }
  const res = r.res;
  return afterResponse(res, () => curlOutput(ctx, res, { silent, fail: flags.has('f'), head: flags.has('I'), include: flags.has('i'), out: values.get('o') }));
}

function curlOutput(ctx: ProgramContext, res: HttpResponse, o: { silent: boolean; fail: boolean; head: boolean; include: boolean; out?: string }): number {
  const silent = o.silent;
  if (o.fail && res.status >= 400) {
    if (!silent) ctx.io.err(`curl: (22) The requested URL returned error: ${res.status}\n`);
    return 22;
  }
  let body = res.body;
  if (o.head || o.include) {
    const head = `HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\r\n${Object.entries(res.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    body = o.head ? head : head + body;
  }
  const out = o.out;
  if (out) ctx.sys.fs.write(resolve(ctx, out), body);
  else ctx.io.out(body);
  return 0;
}

/** busybox nslookup. */
export function nslookup(ctx: ProgramContext): number {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    ctx.io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const server = /nameserver\s+(\S+)/.exec(ctx.sys.fs.read('/etc/resolv.conf') ?? '')?.[1];
  const net = ctx.sys.network;
  if (!net || !server) {
    ctx.io.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (net.lookup) {
    const typeArg = ctx.argv.slice(1).find((a) => /^-(query|type)=/i.test(a))?.split('=')[1]?.toUpperCase();
    const r = net.lookup(name, typeArg === 'SRV' || typeArg === 'CNAME' ? typeArg : 'A');
    if (r.status === 'timeout' || r.status === 'refused') {
      ctx.io.out(';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
    if (r.status === 'nxdomain') {
      ctx.io.out(`${out}** server can't find ${r.name}: NXDOMAIN\n\n`);
      return 1;
    }
    for (const rec of r.records) {
      if (rec.type === 'CNAME') out += `${rec.name}\tcanonical name = ${rec.target}\n`;
      else if (rec.type === 'SRV') out += `${rec.name}\tservice = ${rec.priority} ${rec.weight} ${rec.port} ${rec.target}\n`;
      else out += `Name:\t${rec.name}\nAddress: ${rec.address}\n`;
    }
    ctx.io.out(`${out}\n`);
    return 0;
  }
  const ips = net.resolve(name);
  if (!ips || !ips.length) {
    ctx.io.out(`${out}** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  out += ips.map((ip) => `Name:\t${name}\nAddress: ${ip}\n`).join('') + '\n';
  ctx.io.out(out);
  return 0;
}

/** busybox nc: `nc -z host port` and `nc host port` (connect check). */
export function nc(ctx: ProgramContext): number {
  const { operands } = parseOpts(ctx.argv.slice(1), 'w');
  const [host, portText] = operands;
  if (!host || !portText) {
    ctx.io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const port = Number(portText);
  if (host === 'localhost' || host === '127.0.0.1') {
    if (ctx.sys.listening(port)) return 0;
    ctx.io.err(`nc: can't connect to remote host (127.0.0.1): Connection refused\n`);
    return 1;
  }
  const net = ctx.sys.network;
  const ips = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? [host] : net?.resolve(host);
  if (!net || !ips || !ips.length) {
    ctx.io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const r = net.connect(ips[0], port);
  if (r === 'open') return 0;
  ctx.io.err(r === 'refused' ? `nc: can't connect to remote host (${ips[0]}): Connection refused\n` : `nc: timed out\n`);
  return 1;
}
