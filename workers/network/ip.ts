/** IPv4 addresses and CIDRs as numbers. */

export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function isIPv4(s: string): boolean {
  return ipToNumber(s) !== undefined;
}

/** Does `cidr` (or a bare address) contain `ip`? Malformed input contains nothing. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const b = ipToNumber(base);
  const a = ipToNumber(ip);
  if (b === undefined || a === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : (~((1 << (32 - bits)) - 1)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** `10.244.3.7` → `10-244-3-7` (CoreDNS pod and endpoint names). */
export const dashed = (ip: string) => ip.replace(/\./g, '-');
