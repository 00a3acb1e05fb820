import { describe, expect, it } from 'vitest';
import { harness, memoryVolume } from '../testing';

function shIn(image: string, shell = 'sh') {
  const h = harness();
  const p = h.run(image, { command: ['sleep', '3600'], env: [['GREETING', 'hello world'], ['EMPTY', '']] , mounts: [{ path: '/data', volume: memoryVolume({ 'a.txt': 'one\ntwo\nthree\n' }), readOnly: false }, { path: '/ro', volume: memoryVolume({ 'k': 'v' }, { readOnly: true }), readOnly: true }] });
  return (script: string, stdin?: string) => p.exec([shell, '-c', script], stdin);
}

describe('shell interpreter (busybox sh)', () => {
  const sh = shIn('busybox');
  it.each([
    ['echo hi; echo there', 'hi\nthere\n', 0],
    ['true && echo yes || echo no', 'yes\n', 0],
    ['false && echo yes || echo no', 'no\n', 0],
    ['false; echo $?', '1\n', 0],
    ['if [ -f /data/a.txt ]; then echo file; elif true; then echo other; else echo none; fi', 'file\n', 0],
    ['if test 3 -gt 5; then echo big; else echo small; fi', 'small\n', 0],
    ['for i in 1 2 3; do echo "n=$i"; done', 'n=1\nn=2\nn=3\n', 0],
    ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done', '1\n2\n3\n', 0],
    ['while true; do echo once; break; done', 'once\n', 0],
    ['echo "$GREETING" ${GREETING} $GREETING', 'hello world hello world hello world\n', 0],
    ['echo ${MISSING:-default} ${EMPTY:-empty} x${EMPTY}x', 'default empty xx\n', 0],
    ['echo $(echo inner) `echo back`', 'inner back\n', 0],
    ['echo -n a; echo -n b; echo', 'ab\n', 0],
    ["echo -e 'a\\tb\\nc'", 'a\tb\nc\n', 0],
    ["echo -en '\\n'", '\n', 0],
    ['printf "%s-%d|%5s|\\n" x 42 ab', 'x-42|   ab|\n', 0],
    ['printf "%s\\n" a b c', 'a\nb\nc\n', 0],
    ['exit 7', '', 7],
    ['echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f', 'one\ntwo\n', 0],
    ['cat /data/a.txt | grep t | wc -l', '2\n', 0],
    ['head -n 1 /data/a.txt; tail -n 1 /data/a.txt', 'one\nthree\n', 0],
    ['echo abc | rev', 'cba\n', 0],
    ['mkdir -p /tmp/x/y && touch /tmp/x/y/z && ls /tmp/x/y', 'z\n', 0],
    ['cp /data/a.txt /tmp/b && mv /tmp/b /tmp/c && wc -l < /tmp/c && rm /tmp/c && ls /tmp/c', '3\n', 1],
    ['cd /data && pwd && ls', '/data\na.txt\n', 0],
    ['x=5; [ "$x" = 5 ] && echo eq', 'eq\n', 0],
    ['case foo.txt in *.md) echo md;; *.txt) echo txt;; esac', 'txt\n', 0],
    ['f() { echo "arg=$1"; }; f one', 'arg=one\n', 0],
    ['echo a 2>&1 >/dev/null', '', 0],
    ['ls /nope 2>&1', 'ls: /nope: No such file or directory\n', 1],
    ['echo $((7 * 6)) $((10 / 3)) $((10 % 3))', '42 3 1\n', 0],
    ['id; whoami; hostname', 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\nroot\npod\n', 0],
    ['echo a b c | cut -d " " -f 2', 'b\n', 0],
    ['echo hello | tr a-z A-Z', 'HELLO\n', 0],
    ['echo hello | sed s/l/L/g', 'heLLo\n', 0],
    ['printenv GREETING', 'hello world\n', 0],
    ['printenv NOPE', '', 1],
    ['ls /data/*.txt', '/data/a.txt\n', 0],
    ['echo "*"', '*\n', 0],
    ['date +%Y-%m-%d', '2024-08-12\n', 0],
    ['read a b; echo "$b-$a"', 'y-x\n', 0, 'x y\n'],
  ])('%s', (script, stdout, code, stdin?: string) => {
    const r = sh(script, stdin);
    expect(r.stdout).toBe(stdout);
    expect(r.exitCode).toBe(code);
  });

  it.each([
    ['foo', 'sh: foo: not found\n', 127],
    ['echo x > /ro/k', "sh: can't create /ro/k: Read-only file system\n", 1],
    ['echo x > /nodir/f', "sh: can't create /nodir/f: nonexistent directory\n", 1],
    ['if true; then echo x', 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2],
    ['echo "unterminated', 'sh: syntax error: unterminated quoted string\n', 2],
    ['fi', 'sh: syntax error: unexpected "fi"\n', 2],
    ['sleep abc', "sleep: invalid number 'abc'\n", 1],
    ['cat /nope', "cat: can't open '/nope': No such file or directory\n", 1],
    ['wget -qO- http://web', "wget: bad address 'web'\n", 1],
    ['curl http://web', 'sh: curl: not found\n', 127],
  ])('error: %s', (script, stderr, code) => {
    const r = sh(script);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it('a busy loop is cut off instead of hanging', () => {
    const r = sh('while true; do :; done');
    expect(r.exitCode).toBe(137);
  });
});

describe('shell flavours', () => {
  it('dash on debian: messages and echo escapes', () => {
    const sh = shIn('debian');
    expect(sh('foo').stderr).toBe('sh: 1: foo: not found\n');
    expect(sh("echo 'a\\tb'").stdout).toBe('a\tb\n');
    expect(sh('echo -e x').stdout).toBe('-e x\n');
    expect(sh('if true; then').stderr).toBe('sh: 1: Syntax error: end of file unexpected (expecting "fi")\n');
    // debian has no ps and no wget.
    expect(sh('ps').exitCode).toBe(127);
    expect(sh('ls /nope').stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
  });

  it('bash: arrays and its own messages', () => {
    const sh = shIn('debian', 'bash');
    expect(sh('items=(foo bar baz); echo ${items[1]} ${#items[@]}').stdout).toBe('bar 3\n');
    expect(sh('i=2; items=(a b c); echo ${items[$i]}').stdout).toBe('c\n');
    expect(sh('foo').stderr).toBe('bash: line 1: foo: command not found\n');
    expect(sh('fi').stderr).toBe("bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'\n");
  });

  it('images without a shell cannot exec one', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/pause:3.10');
    const r = p.exec(['sh', '-c', 'ls']);
    expect(r.error).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown');
  });
});

describe('env', () => {
  it('runs a command with extra variables, and reports a missing one', () => {
    const sh = shIn('busybox');
    expect(sh('env -i A=1 printenv A').stdout).toBe('1\n');
    expect(sh('A=2 printenv A; printenv A').stdout).toBe('2\n');
    const r = sh('env nosuch');
    expect(r.stderr).toBe("env: can't execute 'nosuch': No such file or directory\n");
    expect(r.exitCode).toBe(127);
  });
});
