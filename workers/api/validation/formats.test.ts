import { describe, expect, it } from 'vitest';
import { errorString, path } from './field';
import { isConfigMapKey, isEnvVarName, isRelaxedEnvVarName, isValidPortName, isValidPortNum, validateCIDR, validateIP } from './formats';
import { isDualStackIPStrings, isLoopback, parseIPSloppy } from './ip';

describe('formats', () => {
  it('port numbers and names', () => {
    expect(isValidPortNum(1)).toEqual([]);
    expect(isValidPortNum(65536)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a-very-long-port-name')).toEqual(['must be no more than 15 characters']);
  });

  it('env names: strict and relaxed', () => {
    expect(isEnvVarName('MY_VAR')).toEqual([]);
    expect(isEnvVarName('1VAR')).toHaveLength(1);
    expect(isRelaxedEnvVarName('1 VAR')).toEqual([]);
    expect(isRelaxedEnvVarName('')).toEqual(['environment variable name must be non-empty']);
  });

  it('config keys', () => {
    expect(isConfigMapKey('.dotfile')).toEqual([]);
    expect(isConfigMapKey('..')).toEqual(["must not be '..'"]);
  });

  it('IPs and CIDRs', () => {
    expect(validateIP(path('ip'), '10.0.0.1')).toEqual([]);
    expect(validateIP(path('ip'), '2001:db8::1')).toEqual([]);
    expect(validateIP(path('ip'), '010.000.000.001')).toEqual([]);
    expect(validateIP(path('ip'), 'fe80::1%eth0').map(errorString)).toEqual(['ip: Invalid value: "fe80::1%eth0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(validateCIDR(path('c'), '10.0.0.0/8')).toEqual([]);
    expect(validateCIDR(path('c'), '10.0.0.0/33')).toHaveLength(1);
    expect(parseIPSloppy('::ffff:1.2.3.4')?.is4).toBe(true);
    expect(isLoopback(parseIPSloppy('::1')!)).toBe(true);
    expect(isDualStackIPStrings(['10.0.0.1', 'fd00::1'])).toBe(true);
    expect(isDualStackIPStrings(['10.0.0.1', '10.0.0.2'])).toBe(false);
  });
});
