/** The official httpd image: httpd-foreground with Apache's startup lines; stops gracefully on SIGWINCH. */
import type { Program, ProgramRun, ProgramContext } from '../../process/program';
import { normalizePath } from '../../process/filesystem';
import { apacheTime, clfTime, pathOnly, serve } from './common';

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

function httpdForeground(version: string): Program {
  return function* (ctx: ProgramContext): ProgramRun {
    const { io, sys } = ctx;
    const full = version.replace(/-alpine$/, '');
    // Apache prints AH00558 once for the config test and once when it starts.
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${sys.podIP}. Set the 'ServerName' directive globally to suppress this message\n`;
    io.err(fqdn);
    io.err(fqdn);
    const tid = 140_000_000_000_000 + Math.floor(sys.rng() * 1e12);
    const stamp = (): string => `[${apacheTime(sys.now())}]`;
    io.err(`${stamp()} [mpm_event:notice] [pid 1:tid ${tid}] AH00489: Apache/${full} (Unix) configured -- resuming normal operations\n`);
    io.err(`${stamp()} [core:notice] [pid 1:tid ${tid}] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
    const root = '/usr/local/apache2/htdocs';
    return yield* serve({
      ports: [80],
      children: ['httpd -DFOREGROUND', 'httpd -DFOREGROUND', 'httpd -DFOREGROUND'],
      http: (req) => {
        if (req.port !== 80) return undefined;
        let p = normalizePath(`${root}/${decodeURIComponent(pathOnly(req.path))}`);
        if (sys.fs.stat(p)?.type === 'dir') p = `${p.replace(/\/$/, '')}/index.html`;
        const content = sys.fs.read(p);
        const status = content === undefined ? 404 : 200;
        const body = content ?? `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
        io.out(`${req.clientIP ?? '10.244.0.1'} - - [${clfTime(sys.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length}\n`);
        return { status, body, headers: { Server: `Apache/${full} (Unix)`, 'Content-Type': 'text/html' } };
      },
      stop: () => {
        io.err(`${stamp()} [mpm_event:notice] [pid 1:tid ${tid}] AH00492: caught SIGWINCH, shutting down gracefully\n`);
        return { afterMs: 30, exitCode: 0 };
      },
    });
  };
}

export function httpdPrograms(version: string): Record<string, Program> {
  return { '/usr/local/bin/httpd-foreground': httpdForeground(version), '/usr/local/apache2/bin/httpd': httpdForeground(version) };
}

export function httpdFiles(): Record<string, string> {
  return { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX, '/usr/local/apache2/conf/httpd.conf': 'ServerRoot "/usr/local/apache2"\nListen 80\n', '/usr/local/apache2/logs/': '' };
}
