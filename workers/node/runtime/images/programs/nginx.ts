/**
 * The official nginx image: its docker-entrypoint.sh (1.19+), the startup
 * and shutdown notices, and a static file server driven by the config in
 * /etc/nginx/conf.d, so a ConfigMap mounted over the html root or conf.d
 * changes what it serves.
 */
import type { HttpRequest, HttpResponse, Program, ProgramContext, ProgramRun } from '../../process/program';
import { normalizePath } from '../../process/filesystem';
import { clfTime, execNext, header, pathOnly, serve, slashTime, userAgent } from './common';

export interface NginxVersion {
  full: string;
  minor: number;
  alpine: boolean;
}

export function nginxVersion(version: string): NginxVersion {
  const alpine = version.endsWith('-alpine');
  const full = version.replace(/-alpine$/, '');
  return { full, minor: Number(full.split('.')[1] ?? 0), alpine };
}

// The welcome page changed in 1.21.1 (color-scheme; compact style block).
const WELCOME_NEW = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const ERROR_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;

export function nginxFiles(version: string): Record<string, string> {
  const v = nginxVersion(version);
  const files: Record<string, string> = {
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
    '/etc/nginx/mime.types': 'types {\n    text/html  html htm shtml;\n    text/css   css;\n    application/javascript  js;\n    application/json  json;\n}\n',
    '/usr/share/nginx/html/index.html': v.minor > 21 || (v.minor === 21 && !v.full.startsWith('1.21.0')) ? WELCOME_NEW : WELCOME_OLD,
    '/usr/share/nginx/html/50x.html': ERROR_50X,
    '/var/log/nginx/': '',
    '/var/cache/nginx/': '',
  };
  if (v.minor >= 19) {
    files['/docker-entrypoint.sh'] = '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n';
    files['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'] = '#!/bin/sh\n';
    files['/docker-entrypoint.d/20-envsubst-on-templates.sh'] = '#!/bin/sh\n';
    if (v.minor >= 21) files['/docker-entrypoint.d/30-tune-worker-processes.sh'] = '#!/bin/sh\n';
    if (v.minor >= 25) files['/docker-entrypoint.d/15-local-resolvers.envsh'] = '#!/bin/sh\n';
  }
  return files;
}

function gccLine(v: NginxVersion): string {
  if (v.alpine) return 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ';
  if (v.minor >= 25) return 'built by gcc 12.2.0 (Debian 12.2.0-14) ';
  if (v.minor >= 22) return 'built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
  return 'built by gcc 8.3.0 (Debian 8.3.0-6) ';
}

/** Mirrors docker-nginx's entrypoint/docker-entrypoint.sh: the lines it prints before exec'ing nginx. */
function entrypoint(v: NginxVersion): Program {
  return function* (ctx: ProgramContext): ProgramRun {
    const args = ctx.argv.slice(1);
    const quiet = ctx.env.has('NGINX_ENTRYPOINT_QUIET_LOGS');
    if ((args[0] === 'nginx' || args[0] === 'nginx-debug') && !quiet) {
      const say = (s: string): void => ctx.io.out(`/docker-entrypoint.sh: ${s}\n`);
      say('/docker-entrypoint.d/ is not empty, will attempt to perform configuration');
      say('Looking for shell scripts in /docker-entrypoint.d/');
      say('Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
      const conf = '/etc/nginx/conf.d/default.conf';
      const st = ctx.sys.fs.stat(conf);
      const tag = '10-listen-on-ipv6-by-default.sh: info:';
      if (!st) ctx.io.out(`${tag} ${conf} is not a file or does not exist\n`);
      else if (st.readOnly) ctx.io.out(`${tag} can not modify ${conf} (read-only file system?)\n`);
      else {
        ctx.io.out(`${tag} Getting the checksum of ${conf}\n`);
        ctx.io.out(`${tag} Enabled listen on IPv6 in ${conf}\n`);
      }
      if (v.minor >= 25) say('Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
      say('Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
      if (v.minor >= 21) say('Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
      say('Configuration complete; ready for start up');
    }
    return yield* execNext(ctx, args, '/docker-entrypoint.sh', 47);
  };
}

interface VirtualServer {
  port: number;
  root: string;
  index: string[];
  /** `return 200 "text";` */
  fixed?: { status: number; body: string };
}

/** The parts of the nginx config that decide what is served: listen, root, index, return. */
export function parseNginxConfig(ctx: ProgramContext): VirtualServer[] {
  const fs = ctx.sys.fs;
  const sources: string[] = [];
  const main = fs.read('/etc/nginx/nginx.conf') ?? '';
  // A full nginx.conf may carry its own server blocks.
  sources.push(main);
  if (/include\s+\/etc\/nginx\/conf\.d\/\*\.conf/.test(main) || !main) {
    for (const name of fs.list('/etc/nginx/conf.d') ?? []) {
      if (name.endsWith('.conf')) sources.push(fs.read(`/etc/nginx/conf.d/${name}`) ?? '');
    }
  }
  const key = sources.join('\u0000');
  const cached = PARSED_CONFIGS.get(key);
  if (cached) return cached;
  const servers: VirtualServer[] = [];
  for (const src of sources) {
    const text = src.replace(/#[^\n]*/g, '');
    const blocks = text.split(/\bserver\s*\{/).slice(1);
    for (const block of blocks) {
      const ports = [...block.matchAll(/\blisten\s+(?:\[::\]:|[\d.]+:)?(\d+)/g)].map((m) => Number(m[1]));
      const root = /\broot\s+([^;\s]+)\s*;/.exec(block)?.[1] ?? '/usr/share/nginx/html';
      const index = /\bindex\s+([^;]+);/.exec(block)?.[1].trim().split(/\s+/) ?? ['index.html'];
      const ret = /\breturn\s+(\d{3})(?:\s+(?:"([^"]*)"|'([^']*)'|([^;]*)))?\s*;/.exec(block);
      const fixed = ret ? { status: Number(ret[1]), body: (ret[2] ?? ret[3] ?? ret[4] ?? '').replace(/\\n/g, '\n') } : undefined;
      for (const port of ports.length ? [...new Set(ports)] : [80]) servers.push({ port, root, index, fixed });
    }
  }
  if (PARSED_CONFIGS.size > 1000) PARSED_CONFIGS.clear();
  PARSED_CONFIGS.set(key, servers);
  return servers;
}

/** Thousands of replicas share the same config text: parse it once. */
const PARSED_CONFIGS = new Map<string, VirtualServer[]>();

function errorPage(status: number, reason: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const CONTENT_TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain' };

function nginxServer(ctx: ProgramContext, v: NginxVersion): ProgramRun {
  const { io, sys } = ctx;
  const noticeLevel = v.minor >= 19;
  let stampAt = -1;
  let stamp = '';
  const notice = (pid: number, s: string): void => {
    if (!noticeLevel) return;
    const now = sys.now();
    if (now !== stampAt) {
      stampAt = now;
      stamp = slashTime(now);
    }
    io.err(`${stamp} [notice] ${pid}#${pid}: ${s}\n`);
  };
  const servers = parseNginxConfig(ctx);
  const workers = [29, 30];
  notice(1, 'using the "epoll" event method');
  notice(1, `nginx/${v.full}`);
  notice(1, gccLine(v));
  notice(1, 'OS: Linux 6.8.0-1015-gcp');
  notice(1, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  notice(1, 'start worker processes');
  for (const w of workers) notice(1, `start worker process ${w}`);
  let connection = 0;
  const handle = (req: HttpRequest): HttpResponse | undefined => {
    const vs = servers.find((s) => s.port === req.port);
    if (!vs) return undefined;
    connection++;
    const base = { Server: `nginx/${v.full}` };
    let status: number;
    let body: string;
    let type = 'text/html';
    if (vs.fixed) {
      status = vs.fixed.status;
      body = vs.fixed.body;
      type = 'application/octet-stream';
    } else {
      let p = normalizePath(decodeURIComponent(pathOnly(req.path)));
      const full = normalizePath(`${vs.root}/${p}`);
      const st = sys.fs.stat(full);
      let content: string | undefined;
      if (st?.type === 'dir') {
        for (const idx of vs.index) {
          const c = sys.fs.read(`${full}/${idx}`);
          if (c !== undefined) {
            content = c;
            p = `${p.replace(/\/$/, '')}/${idx}`;
            break;
          }
        }
      } else content = sys.fs.read(full);
      if (content !== undefined) {
        status = 200;
        body = req.method === 'HEAD' ? '' : content;
        type = CONTENT_TYPES[p.split('.').pop() ?? ''] ?? 'application/octet-stream';
      } else {
        status = st?.type === 'dir' ? 403 : 404;
        const reason = status === 403 ? 'Forbidden' : 'Not Found';
        body = errorPage(status, reason, v.full);
        const what = status === 403 ? `directory index of "${full}/" is forbidden` : `open() "${full}" failed (2: No such file or directory)`;
        io.err(`${slashTime(sys.now())} [error] ${workers[0]}#${workers[0]}: *${connection} ${what}, client: ${req.clientIP ?? '10.244.0.1'}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${header(req, 'host') ?? `${sys.podIP}:${req.port}`}"\n`);
      }
    }
    io.out(`${req.clientIP ?? '10.244.0.1'} - - [${clfTime(sys.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length} "-" "${userAgent(req)}" "-"\n`);
    return { status, body, headers: { ...base, 'Content-Type': type, 'Content-Length': String(body.length) } };
  };
  return serve({
    ports: [...new Set(servers.map((s) => s.port))],
    http: handle,
    children: workers.map(() => 'nginx: worker process'),
    stop: () => {
      // The image's STOPSIGNAL is SIGQUIT since 1.19: a graceful shutdown.
      if (v.minor >= 19) {
        notice(1, 'signal 3 (SIGQUIT) received, shutting down');
        for (const w of workers) {
          notice(w, 'gracefully shutting down');
          notice(w, 'exiting');
          notice(w, 'exit');
        }
        for (const w of workers) {
          notice(1, `signal 17 (SIGCHLD) received from ${w}`);
          notice(1, `worker process ${w} exited with code 0`);
        }
        notice(1, 'exit');
      }
      return { afterMs: 20, exitCode: 0 };
    },
  });
}

function nginxBinary(v: NginxVersion): Program {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.includes('-v') || args.includes('-V')) {
      ctx.io.err(`nginx version: nginx/${v.full}\n`);
      return 0;
    }
    if (args.includes('-t') || args.includes('-T')) {
      ctx.io.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
      return 0;
    }
    if (args.includes('-s')) {
      if (v.minor >= 19) ctx.io.err(`${slashTime(ctx.sys.now())} [notice] 40#40: signal process started\n`);
      return 0;
    }
    return nginxServer(ctx, v);
  };
}

export function nginxPrograms(version: string): Record<string, Program> {
  const v = nginxVersion(version);
  const nginx = nginxBinary(v);
  const programs: Record<string, Program> = { '/usr/sbin/nginx': nginx, '/usr/sbin/nginx-debug': nginx };
  if (v.minor >= 19) programs['/docker-entrypoint.sh'] = entrypoint(v);
  return programs;
}
