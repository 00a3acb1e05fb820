import { describe, it, expect } from 'vitest';
import { CommandHistory } from './history';
import { TerminalSession } from './session';
import { FakeKubectl, settle } from './testing/fakeKubectl';
import { FakeScreen } from './testing/fakeScreen';
import type { FileSource } from './files';

const files: FileSource = {
  list: async () => ['editor.yaml', 'examples/job-pi.yaml', 'examples/nginx-deployment.yaml'],
  read: async (p) => (p === 'editor.yaml' ? 'kind: ConfigMap\n' : p === 'examples/job-pi.yaml' ? 'kind: Job\n' : undefined),
};

function setup(width = 40) {
  const screen = new FakeScreen(width);
  const kubectl = new FakeKubectl();
  const history = new CommandHistory();
  const session = new TerminalSession(screen, kubectl, history, files);
  session.start();
  return { screen, kubectl, history, session };
}

/** Where the cursor is, as [row, col] relative to the last prompt row. */
const cursor = (s: FakeScreen) => [s.row, s.col];

describe('TerminalSession', () => {
  it('shows a prompt and edits the line in place', () => {
    const { screen, session } = setup();
    expect(screen.lines()).toEqual(['$']);
    session.input('kubectl get pds');
    session.input('\x1b[D\x1b[D');
    session.input('o');
    expect(screen.lines()).toEqual(['$ kubectl get pods']);
    expect(cursor(screen)).toEqual([0, 16]);
    session.input('\x01');
    expect(cursor(screen)).toEqual([0, 2]);
    session.input('\x0b');
    expect(screen.lines()).toEqual(['$']);
  });

  it('keeps the cursor right on lines that wrap, and at the exact margin', () => {
    const { screen, session } = setup(10);
    session.input('abcdefgh');
    // "$ " + 8 characters fill the row exactly: the cursor goes to the next row.
    expect(screen.lines()).toEqual(['$ abcdefgh']);
    expect(cursor(screen)).toEqual([1, 0]);
    session.input('ijklm');
    expect(screen.lines()).toEqual(['$ abcdefgh', 'ijklm']);
    expect(cursor(screen)).toEqual([1, 5]);
    session.input('\x01');
    expect(cursor(screen)).toEqual([0, 2]);
    session.input('\x05\x7f\x7f\x7f\x7f\x7f\x7f');
    expect(screen.lines()).toEqual(['$ abcdefg']);
    expect(cursor(screen)).toEqual([0, 9]);
  });

  it('answers unknown commands like bash and runs builtins', async () => {
    const { screen, session, history } = setup();
    session.input('ls\r');
    expect(screen.lines()).toEqual(['$ ls', 'bash: ls: command not found', '$']);
    expect(session.lastExitCode).toBe(127);
    session.input('history\r');
    expect(screen.lines().slice(-3)).toEqual(['    1  ls', '    2  history', '$']);
    session.input('help\r');
    await settle();
    expect(screen.text()).toContain('kubectl apply -f editor.yaml');
    expect(screen.text()).toContain('job-pi.yaml');
    session.input('clear\r');
    expect(screen.lines()).toEqual(['$']);
    expect(history.list()).toEqual(['ls', 'history', 'help', 'clear']);
  });

  it('streams kubectl output as it arrives and prompts when it exits', async () => {
    const { screen, session, kubectl } = setup();
    session.input('kubectl get pods -w\r');
    await settle();
    expect(kubectl.runs.map((r) => r.line)).toEqual(['kubectl get pods -w']);
    const run = kubectl.runs[0];
    run.emit('NAME    READY   STATUS\n');
    run.emit('web-1   0/1     Pending\n');
    expect(screen.lines().slice(-2)).toEqual(['NAME    READY   STATUS', 'web-1   0/1     Pending']);
    expect(session.running).toBe(true);
    run.emit('web-1   1/1     Running\n');
    run.exit(0);
    expect(screen.lines().slice(-2)).toEqual(['web-1   1/1     Running', '$']);
    expect(session.running).toBe(false);
  });

  it('Ctrl+C cancels a waiting command through the worker, and drops the type-ahead', async () => {
    const { screen, session, kubectl } = setup();
    session.input('kubectl get pods -w\r');
    await settle();
    session.input('kubectl get nodes\r');
    session.input('\x03');
    await settle();
    expect(kubectl.runs[0].cancelled).toBe(true);
    expect(kubectl.runs).toHaveLength(1);
    expect(screen.lines().slice(-2)).toEqual(['^C', '$']);
    expect(session.lastExitCode).toBe(130);
  });

  it('Ctrl+C before the command reached the worker, or before its run id came back', async () => {
    const { screen, session, kubectl } = setup();
    session.input('kubectl logs -f web\r');
    session.input('\x03');
    await settle();
    expect(kubectl.runs).toHaveLength(0);
    expect(session.running).toBe(false);
    expect(screen.lines().slice(-2)).toEqual(['^C', '$']);
    kubectl.deferStart = true;
    session.input('kubectl logs -f web\r');
    await settle();
    expect(kubectl.runs).toHaveLength(1);
    session.input('\x03');
    kubectl.releaseStarts();
    await settle();
    expect(kubectl.runs[0].cancelled).toBe(true);
    expect(session.running).toBe(false);
  });

  it('a second Ctrl+C stops waiting for a command that does not stop', async () => {
    const { screen, session, kubectl } = setup();
    kubectl.ignoreCancel = true;
    session.input('kubectl get pods -w\r');
    await settle();
    session.input('\x03');
    await settle();
    expect(session.running).toBe(true);
    session.input('\x03');
    expect(session.running).toBe(false);
    expect(screen.lines().slice(-3)).toEqual(['^C', '^C', '$']);
    // Output from the abandoned run no longer reaches the screen.
    kubectl.runs[0].emit('late\n');
    expect(screen.text()).not.toContain('late');
  });

  it('Ctrl+C at the prompt abandons the line', () => {
    const { screen, session, kubectl } = setup();
    session.input('kubectl delete pod web');
    session.input('\x03');
    expect(screen.lines()).toEqual(['$ kubectl delete pod web^C', '$']);
    expect(kubectl.runs).toHaveLength(0);
  });

  it('runs a pasted block line by line, each after the previous exits', async () => {
    const { screen, session, kubectl } = setup();
    kubectl.scripted.set('kubectl get ns', ['NAME      STATUS   AGE\ndefault   Active   5m\n', 0]);
    kubectl.scripted.set('kubectl get nodes', ['NAME       STATUS\nworker-1   Ready\n', 0]);
    session.input('kubectl get ns\rkubectl get nodes\rkubectl get');
    await settle();
    await settle();
    expect(kubectl.runs.map((r) => r.line)).toEqual(['kubectl get ns', 'kubectl get nodes']);
    expect(screen.lines()).toEqual(['$ kubectl get ns', 'NAME      STATUS   AGE', 'default   Active   5m', '$ kubectl get nodes', 'NAME       STATUS', 'worker-1   Ready', '$ kubectl get']);
  });

  it('hands the editor buffer and examples named by -f to kubectl', async () => {
    const { session, kubectl } = setup();
    session.input('kubectl apply -f editor.yaml -f examples/job-pi.yaml -f nope.yaml\r');
    await settle();
    expect(kubectl.runs[0].files).toEqual({ 'editor.yaml': 'kind: ConfigMap\n', 'examples/job-pi.yaml': 'kind: Job\n' });
  });

  it('says so when the worker has no kubectl', async () => {
    const { screen, session, kubectl } = setup(100);
    kubectl.unavailable = true;
    session.input('kubectl version\r');
    await settle();
    expect(screen.lines().slice(-2)).toEqual(['kube-playground: kubectl is not available in this build (kubectlStart is not a function)', '$']);
  });

  it('walks history with the arrows', () => {
    const { screen, session } = setup();
    session.input('ls\r');
    session.input('pwd\r');
    session.input('kub');
    session.input('\x1b[A');
    expect(screen.lines().at(-1)).toBe('$ pwd');
    session.input('\x1b[A\x1b[A');
    expect(screen.lines().at(-1)).toBe('$ ls');
    expect(screen.bells).toBe(1);
    session.input('\x1b[B\x1b[B');
    expect(screen.lines().at(-1)).toBe('$ kub');
  });

  it('completes with Tab: one candidate at once, several listed on the second Tab', async () => {
    const { screen, session, kubectl } = setup(40);
    kubectl.completions.set('kubectl get po', { from: 12, candidates: ['pods', 'poddisruptionbudgets'] });
    kubectl.completions.set('kubectl get pods ', { from: 17, candidates: ['web-7d9f-abcde', 'web-7d9f-fghij'] });
    kubectl.completions.set('kubectl get pods web-7d9f-', { from: 17, candidates: ['web-7d9f-abcde', 'web-7d9f-fghij'] });
    kubectl.completions.set('kubectl get pods web-7d9f-a', { from: 17, candidates: ['web-7d9f-abcde'] });
    session.input('kubectl get po');
    session.input('\t');
    await settle();
    // Both start with "pod": the word grows to the common prefix.
    expect(screen.lines().at(-1)).toBe('$ kubectl get pod');
    session.input('\x7f\x7f\x7f');
    kubectl.completions.set('kubectl get ', { from: 12, candidates: ['pods'] });
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl get pods');
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl get pods web-7d9f-');
    expect(screen.bells).toBe(0);
    session.input('\t');
    await settle();
    expect(screen.lines().slice(-2)).toEqual(['web-7d9f-abcde  web-7d9f-fghij', '$ kubectl get pods web-7d9f-']);
    session.input('a');
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl get pods web-7d9f-abcde');
    // Nothing to offer: the bell, and the line stays.
    session.input('\t');
    await settle();
    expect(screen.bells).toBe(1);
  });

  it('completes command names and -f files locally', async () => {
    const { screen, session, kubectl } = setup(60);
    session.input('kub');
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl');
    session.input('apply -f ex');
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl apply -f examples/');
    session.input('j');
    session.input('\t');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl apply -f examples/job-pi.yaml');
    expect(kubectl.completeCalls).toEqual([]);
  });

  it('types ahead while completion is pending', async () => {
    const { screen, session, kubectl } = setup();
    kubectl.completions.set('kubectl get no', { from: 12, candidates: ['nodes'] });
    session.input('kubectl get no');
    session.input('\t');
    session.input('-o wide');
    await settle();
    expect(screen.lines().at(-1)).toBe('$ kubectl get nodes -o wide');
  });

  it('Ctrl+L clears the screen and keeps the line', () => {
    const { screen, session } = setup();
    session.input('ls\r');
    session.input('kubectl');
    session.input('\x0c');
    expect(screen.lines()).toEqual(['$ kubectl']);
  });
});
