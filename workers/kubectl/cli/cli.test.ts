import { describe, it, expect } from 'vitest';
import { splitCommandLine, wordStarts } from './split';
import { parseFlags, type FlagSpec } from './flags';
import { errorText, ApiError, KubectlError } from './errors';

describe('splitCommandLine', () => {
  it('splits on blanks and honours quotes and escapes', () => {
    expect(splitCommandLine(`kubectl get  pods -o 'jsonpath={.items[*].metadata.name}'`)).toEqual(['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']);
    expect(splitCommandLine(`exec p -- sh -c "echo \\"hi\\" \\$HOME"`)).toEqual(['exec', 'p', '--', 'sh', '-c', 'echo "hi" $HOME']);
    expect(splitCommandLine(`a\\ b c''d ""`)).toEqual(['a b', 'cd', '']);
  });
  it('reports an unterminated quote', () => {
    expect(splitCommandLine(`get "pods`)).toEqual({ error: 'unexpected EOF while looking for matching `"\'' });
    expect(splitCommandLine(`get 'pods`)).toHaveProperty('error');
  });
  it('knows where each word starts', () => {
    expect(wordStarts('kubectl get po')).toEqual([
      { start: 0, text: 'kubectl' },
      { start: 8, text: 'get' },
      { start: 12, text: 'po' },
    ]);
  });
});

const specs: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'replicas', type: 'int', default: 0 },
  { name: 'env', type: 'stringArray' },
  { name: 'tcp', type: 'strings' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
];

describe('parseFlags (pflag semantics)', () => {
  it('reads every flag form and keeps positionals in order', () => {
    const f = parseFlags(['pods', '-nkube-system', '-Aw', '--replicas=3', 'x', '--env', 'A=1', '--env=B=2', '--tcp=80:80,443', '--', 'sh', '-c'], specs, 'get');
    expect(f.args).toEqual(['pods', 'x', 'sh', '-c']);
    expect(f.argsLenAtDash).toBe(2);
    expect(f.string('namespace')).toBe('kube-system');
    expect(f.bool('all-namespaces') && f.bool('watch')).toBe(true);
    expect(f.int('replicas')).toBe(3);
    expect(f.strings('env')).toEqual(['A=1', 'B=2']);
    expect(f.strings('tcp')).toEqual(['80:80', '443']);
    expect(f.changed('replicas')).toBe(true);
    expect(f.changed('dry-run')).toBe(false);
    expect(f.string('dry-run')).toBe('none');
    expect(parseFlags(['--dry-run'], specs, 'create').string('dry-run')).toBe('unchanged');
    expect(parseFlags(['-n=default'], specs, 'get').string('namespace')).toBe('default');
  });
  it('words failures as cobra does', () => {
    expect(() => parseFlags(['--foo'], specs, 'get')).toThrow("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.");
    expect(() => parseFlags(['-z'], specs, 'get')).toThrow("Error: unknown shorthand flag: 'z' in -z");
    expect(() => parseFlags(['-n'], specs, 'get')).toThrow("Error: flag needs an argument: 'n' in -n");
    expect(() => parseFlags(['--namespace'], specs, 'get')).toThrow('Error: flag needs an argument: --namespace');
    expect(() => parseFlags(['--replicas=x'], specs, 'scale')).toThrow('Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax');
    expect(() => parseFlags(['--watch=maybe'], specs, 'get')).toThrow('strconv.ParseBool: parsing "maybe": invalid syntax');
  });
});

describe('errorText', () => {
  it('prints Status errors as kubectl does', () => {
    expect(errorText(new ApiError({ code: 404, reason: 'NotFound', message: 'pods "x" not found' }))).toBe('Error from server (NotFound): pods "x" not found');
    expect(errorText(new ApiError({ code: 500, message: 'boom' }))).toBe('Error from server: boom');
    expect(errorText(new KubectlError('error: as is'))).toBe('error: as is');
    expect(errorText(new Error('plain'))).toBe('error: plain');
  });
  it('lists the causes of an Invalid status', () => {
    const one = { code: 422, reason: 'Invalid', message: 'x', details: { kind: 'Deployment', name: 'web', causes: [{ field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }] } };
    expect(errorText(new ApiError(one))).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    const two = { ...one, details: { ...one.details, causes: [...one.details.causes, { field: 'metadata.name', message: 'Required value' }] } };
    expect(errorText(new ApiError(two))).toBe('The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* metadata.name: Required value\n');
  });
});
