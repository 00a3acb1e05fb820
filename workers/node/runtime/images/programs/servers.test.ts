import { describe, expect, it } from 'vitest';
import { harness, memoryVolume } from '../../testing';

const NGINX_127_LOGS = [
  'stdout /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  'stdout /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  'stdout 10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  'stdout 10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  'stdout /docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  'stdout /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  'stdout /docker-entrypoint.sh: Configuration complete; ready for start up',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: using the "epoll" event method',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: nginx/1.27.3',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: OS: Linux 6.8.0-1015-gcp',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: start worker processes',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: start worker process 29',
  'stderr 2024/08/12 10:22:45 [notice] 1#1: start worker process 30',
];

describe('nginx', () => {
  it('prints its real startup lines', () => {
    const h = harness();
    const p = h.run('nginx:1.27');
    expect(p.logs.map((l) => `${l.stream} ${l.text}`)).toEqual(NGINX_127_LOGS);
  });

  it('1.14.2 has no entrypoint script and logs nothing at start', () => {
    const h = harness();
    const p = h.run('nginx:1.14.2');
    expect(p.logs).toEqual([]);
    expect(p.listening(80)).toBe(true);
    const page = p.http({ method: 'GET', path: '/', port: 80 });
    expect(page?.body.length).toBe(612);
  });

  it('serves the welcome page (615 bytes), logs the access, and 404s', () => {
    const h = harness();
    const p = h.run('nginx');
    const r = p.http({ method: 'GET', path: '/', port: 80, headers: { 'User-Agent': 'kube-probe/1.32' }, clientIP: '10.244.1.1' });
    expect(r?.status).toBe(200);
    expect(r?.body).toContain('<title>Welcome to nginx!</title>');
    expect(r?.body.length).toBe(615);
    expect(r?.headers?.Server).toBe('nginx/1.27.3');
    expect(p.logs[p.logs.length - 1].text).toBe('10.244.1.1 - - [12/Aug/2024:10:22:45 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"');
    const nf = p.http({ method: 'GET', path: '/nope', port: 80 });
    expect(nf?.status).toBe(404);
    expect(nf?.body).toContain('<center>nginx/1.27.3</center>');
    expect(p.http({ method: 'GET', path: '/', port: 8080 })).toBeUndefined();
    expect(p.listening(8080)).toBe(false);
  });

  it('serves a ConfigMap mounted over the html root, and a custom listen port from conf.d', () => {
    const h = harness();
    const html = memoryVolume({ 'index.html': '<h1>hi from configmap</h1>\n' }, { readOnly: true, atomic: true });
    const conf = memoryVolume({ 'default.conf': 'server {\n  listen 8080;\n  location / { root /usr/share/nginx/html; }\n}\n' }, { readOnly: true, atomic: true });
    const p = h.run('nginx', { mounts: [{ path: '/usr/share/nginx/html', volume: html, readOnly: true }, { path: '/etc/nginx/conf.d', volume: conf, readOnly: true }] });
    expect(p.logs.map((l) => l.text)).toContain('10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)');
    expect(p.listening(80)).toBe(false);
    expect(p.http({ method: 'GET', path: '/', port: 8080 })?.body).toBe('<h1>hi from configmap</h1>\n');
  });

  it('wget to localhost reaches its own server', () => {
    const h = harness();
    const p = h.run('nginx:alpine');
    expect(p.exec(['wget', '-qO-', 'http://localhost/']).stdout).toContain('Welcome to nginx!');
    expect(p.exec(['curl', '-s', 'localhost:81']).exitCode).toBe(7);
  });
});

describe('other servers', () => {
  it('httpd: startup lines and It works!', () => {
    const h = harness();
    const p = h.run('httpd');
    expect(p.logs[0].text).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message");
    expect(p.logs[2].text).toMatch(/^\[Mon Aug 12 10:22:4\d\.\d{6} 2024\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.62 \(Unix\) configured -- resuming normal operations$/);
    expect(p.http({ method: 'GET', path: '/', port: 80 })?.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });

  it('redis: banner, port, and redis-cli', () => {
    const h = harness();
    const p = h.run('redis:7.2');
    const texts = p.logs.map((l) => l.text);
    expect(texts[1]).toMatch(/^1:C 12 Aug 2024 10:22:4\d\.\d{3} \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo$/);
    expect(texts[texts.length - 1]).toMatch(/\* Ready to accept connections tcp$/);
    expect(p.listening(6379)).toBe(true);
    expect(p.exec(['redis-cli', 'ping']).stdout).toBe('PONG\n');
    expect(p.exec(['redis-cli', 'set', 'k', 'v']).stdout).toBe('OK\n');
    expect(p.exec(['redis-cli', 'get', 'k']).stdout).toBe('v\n');
  });

  it('agnhost liveness: /healthz is 200 for 10 s, then 500', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] });
    const probe = () => p.http({ method: 'GET', path: '/healthz', port: 8080, headers: { 'Custom-Header': 'Awesome' } });
    expect(probe()).toEqual({ status: 200, body: 'ok' });
    h.clock.runFor(9_000);
    expect(probe()?.status).toBe(200);
    h.clock.runFor(2_000);
    expect(probe()).toEqual({ status: 500, body: 'error: 11' });
  });

  it('agnhost netexec and serve-hostname', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['netexec', '--http-port=8080'], podName: 'netexec-0' });
    expect(p.http({ method: 'GET', path: '/hostname', port: 8080 })?.body).toBe('netexec-0');
    expect(p.http({ method: 'GET', path: '/echo?msg=hi', port: 8080 })?.body).toBe('hi');
    expect(p.http({ method: 'GET', path: '/shell?cmd=echo%20yo', port: 8080 })?.body).toBe('{"output":"yo\\n"}');
    const s = h.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['serve-hostname'], podName: 'sh-1' });
    expect(s.http({ method: 'GET', path: '/', port: 9376 })?.body).toBe('sh-1');
    const bad = h.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['nope'] });
    h.waitExit(bad);
    expect(bad.exited()?.exitCode).toBe(1);
  });

  it('echoserver 1.4 echoes the request', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/echoserver:1.4');
    const body = p.http({ method: 'GET', path: '/foo?a=1', port: 8080, headers: { 'User-Agent': 'curl/8.5.0' }, clientIP: '10.244.0.7' })?.body ?? '';
    expect(body).toContain('CLIENT VALUES:\nclient_address=10.244.0.7\ncommand=GET\nreal path=/foo\nquery=a=1\n');
    expect(body).toContain('user-agent=curl/8.5.0\n');
  });

  it('postgres refuses to start without a password', () => {
    const h = harness();
    const p = h.run('postgres:16');
    h.waitExit(p);
    expect(p.exited()?.exitCode).toBe(1);
    expect(p.logs[0].text).toBe('Error: Database is uninitialized and superuser password is not specified.');
  });

  it('coredns has no shell and answers health checks', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/coredns/coredns:v1.11.3', { args: ['-conf', '/etc/coredns/Corefile'] });
    expect(p.http({ method: 'GET', path: '/health', port: 8080 })?.body).toBe('OK');
    expect(p.http({ method: 'GET', path: '/ready', port: 8181 })?.body).toBe('OK');
    expect(p.exec(['sh']).error).toContain('executable file not found in $PATH');
  });
});
