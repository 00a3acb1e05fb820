import { describe, expect, it } from 'vitest';
import recorded from './jsonpath.cases.json';
import { printJsonPath } from './jsonpath';

/** What kubectl prints on stderr for a thrown printer error. */
function run(template: string, data: unknown): { stdout: string; stderr: string } {
  try {
    return { stdout: printJsonPath(template, data), stderr: '' };
  } catch (e) {
    const msg = `error: ${(e as Error).message}`;
    return { stdout: '', stderr: msg.endsWith('\n') ? msg : `${msg}\n` };
  }
}

describe('printJsonPath matches kubectl 1.32 byte for byte', () => {
  it.each(recorded.cases.map((c) => [c.template, c] as const))('%s', (template, c) => {
    expect(run(template, recorded.object)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe('printJsonPath options and edge cases', () => {
  const pod = { kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } }, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b' }] } };

  it('--allow-missing-template-keys=false reports the missing key', () => {
    expect(() => printJsonPath('{.spec.nope}', pod, { allowMissingKeys: false })).toThrow(/^error executing jsonpath "{.spec.nope}": Error executing template: nope is not found\./);
    expect(printJsonPath('{.spec.nope}', pod)).toBe('');
  });

  it('jsonpath-as-json prints each action as an indented JSON array', () => {
    expect(printJsonPath('{.spec.containers[*].name}', pod, { asJson: true })).toBe('[\n    "a",\n    "b"\n]\n');
  });

  it('filters compare numbers with numbers only', () => {
    expect(printJsonPath('{.spec.containers[0].ports[?(@.containerPort==80)].containerPort}', pod)).toBe('80');
    expect(() => printJsonPath('{.spec.containers[0].ports[?(@.containerPort=="80")]}', pod)).toThrow(/incompatible types for comparison/);
    expect(printJsonPath('{.spec.containers[?(@.ports)].name}', pod)).toBe('a');
  });

  it('an empty template is refused as kubectl refuses it', () => {
    expect(() => printJsonPath('', pod)).toThrow('template format specified but no template given');
  });
});
