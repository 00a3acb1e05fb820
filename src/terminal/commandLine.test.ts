import { describe, it, expect } from 'vitest';
import { parseLine, roughWords } from './commandLine';
import { fileArgumentAt, gatherFiles, referencedFiles } from './files';

describe('parseLine', () => {
  it('routes kubectl, builtins, blanks and unknown commands as bash would', () => {
    expect(parseLine('  kubectl get pods  ')).toEqual({ kind: 'kubectl', line: 'kubectl get pods' });
    expect(parseLine('help')).toEqual({ kind: 'builtin', name: 'help', args: [] });
    expect(parseLine('   ')).toEqual({ kind: 'empty' });
    expect(parseLine('ls -la')).toEqual({ kind: 'notFound', name: 'ls', message: 'bash: ls: command not found\n' });
    expect(parseLine('kubect get pods')).toMatchObject({ kind: 'notFound', message: 'bash: kubect: command not found\n' });
  });

  it('refuses pipes and redirection outside quotes only', () => {
    expect(parseLine('kubectl get pods | grep web')).toMatchObject({ kind: 'unsupported' });
    expect(parseLine('kubectl get pods > out.txt')).toMatchObject({ kind: 'unsupported' });
    expect(parseLine("kubectl get pods -o jsonpath='{.items[*].metadata.name}' -l 'a in (x|y)'")).toMatchObject({ kind: 'kubectl' });
  });

  it('splits words with quotes', () => {
    expect(roughWords(`kubectl annotate pod x "a=b c" ''`)).toEqual(['kubectl', 'annotate', 'pod', 'x', 'a=b c', '']);
  });
});

describe('files for -f', () => {
  it('finds every -f value in its spellings', () => {
    expect(referencedFiles('kubectl apply -f editor.yaml')).toEqual(['editor.yaml']);
    expect(referencedFiles('kubectl apply --filename=examples/job-pi.yaml -f=a.yaml,b.yaml -fc.yaml --filename d.yaml')).toEqual(['examples/job-pi.yaml', 'a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
    expect(referencedFiles('kubectl apply -f - ')).toEqual([]);
    expect(referencedFiles('kubectl get pods --field-selector x')).toEqual([]);
  });

  it('reads the named files that exist, under both spellings of ./', async () => {
    const source = { list: async () => ['editor.yaml'], read: async (p: string) => (p === 'editor.yaml' ? 'kind: Pod' : undefined) };
    expect(await gatherFiles('kubectl apply -f ./editor.yaml -f missing.yaml', source)).toEqual({ './editor.yaml': 'kind: Pod', 'editor.yaml': 'kind: Pod' });
  });

  it('knows when the cursor is on a -f value', () => {
    expect(fileArgumentAt('kubectl apply -f ex', 19)).toEqual({ from: 17, typed: 'ex' });
    expect(fileArgumentAt('kubectl apply --filename=', 25)).toEqual({ from: 25, typed: '' });
    expect(fileArgumentAt('kubectl apply -f', 16)).toBeNull();
    expect(fileArgumentAt('kubectl get po', 14)).toBeNull();
  });
});
