import { describe, expect, it } from 'vitest';
import {
  byteLen,
  generateName,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  maskTrailingDash,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  nameIsValidPathSegment,
} from './names';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('DNS names', () => {
  it.each(['a', 'nginx', 'web-1', '0abc', 'a.b.c', 'example.com'])('%s is a subdomain', (v) => {
    expect(isDNS1123Subdomain(v)).toEqual([]);
  });

  it.each(['Foo', '-a', 'a-', 'a..b', 'a_b', '', 'ä'])('%s is not a subdomain', (v) => {
    expect(isDNS1123Subdomain(v)).toEqual([SUBDOMAIN_MSG]);
  });

  it('limits subdomains to 253 characters', () => {
    expect(isDNS1123Subdomain('a'.repeat(253))).toEqual([]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });

  it('labels reject dots with their own message', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('A')).toEqual([LABEL_MSG]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('DNS-1035 labels must start with a letter', () => {
    expect(isDNS1035Label('web')).toEqual([]);
    expect(isDNS1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('counts bytes like Go', () => {
    expect(byteLen('abc')).toBe(3);
    expect(byteLen('ä')).toBe(2);
  });
});

describe('generateName', () => {
  it('masks a trailing dash the way upstream does (dropping two characters)', () => {
    expect(maskTrailingDash('web-')).toBe('wea');
    expect(maskTrailingDash('-')).toBe('-');
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNSLabel('Web-', true)).toHaveLength(1);
  });

  it('appends five characters and keeps the result within 63', () => {
    let i = 0;
    const seq = [0, 0.5, 0.99, 0.1, 0.3];
    const name = generateName('web-', () => seq[i++ % seq.length]);
    expect(name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(name).toBe('web-br9dl');
    expect(generateName('x'.repeat(80), () => 0)).toHaveLength(63);
  });

  it('path segment names may not be . or contain /', () => {
    expect(nameIsValidPathSegment('..', false)).toEqual(["may not be '..'"]);
    expect(nameIsValidPathSegment('a/b%', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(nameIsValidPathSegment('ok', false)).toEqual([]);
  });
});
