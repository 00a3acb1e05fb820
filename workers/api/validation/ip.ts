/**
 * IP and CIDR parsing as k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy do
 * (Go's pre-1.17 net.ParseIP: IPv4 octets may carry leading zeros).
 */

export interface ParsedIP {
  /** 16 bytes; IPv4 addresses are stored IPv4-mapped (::ffff:a.b.c.d), as Go does. */
  bytes: number[];
  /** True when To4() != nil: dotted IPv4, or an IPv4-mapped IPv6 address. */
  is4: boolean;
}

function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): number[] | null {
  if (s.includes('%')) return null;
  let tail: number[] = [];
  let str = s;
  // Embedded IPv4 in the last 32 bits.
  const lastColon = str.lastIndexOf(':');
  if (lastColon >= 0 && str.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(str.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    str = `${str.slice(0, lastColon + 1)}0:0`;
  }
  const dbl = str.indexOf('::');
  if (dbl !== str.lastIndexOf('::')) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const head = groupsOf(str.slice(0, dbl));
    const rest = groupsOf(str.slice(dbl + 2));
    if (!head || !rest || head.length + rest.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  } else {
    const all = groupsOf(str);
    if (!all || all.length !== 8) return null;
    groups = all;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

export function parseIPSloppy(s: string): ParsedIP | null {
  if (s.length === 0) return null;
  const v4 = parseIPv4(s);
  if (v4) return { bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4], is4: true };
  if (!s.includes(':')) return null;
  const v6 = parseIPv6(s);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return { bytes: v6, is4: mapped };
}

export function isIPv6String(s: string): boolean {
  const ip = parseIPSloppy(s);
  return ip !== null && !ip.is4;
}

export function parseCIDRSloppy(s: string): { ip: ParsedIP; bits: number } | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIPSloppy(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (bits > (ip.is4 && !s.slice(0, slash).includes(':') ? 32 : 128)) return null;
  return { ip, bits };
}

const v4 = (ip: ParsedIP) => ip.bytes.slice(12);

export function isUnspecified(ip: ParsedIP): boolean {
  return ip.is4 ? v4(ip).every((b) => b === 0) : ip.bytes.every((b) => b === 0);
}
export function isLoopback(ip: ParsedIP): boolean {
  return ip.is4 ? v4(ip)[0] === 127 : ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
}
export function isLinkLocalUnicast(ip: ParsedIP): boolean {
  return ip.is4 ? v4(ip)[0] === 169 && v4(ip)[1] === 254 : ip.bytes[0] === 0xfe && (ip.bytes[1] & 0xc0) === 0x80;
}
export function isLinkLocalMulticast(ip: ParsedIP): boolean {
  return ip.is4 ? v4(ip)[0] === 224 && v4(ip)[1] === 0 && v4(ip)[2] === 0 : ip.bytes[0] === 0xff && (ip.bytes[1] & 0x0f) === 0x02;
}

/** netutils.IsDualStackIPStrings: at least one of each family among valid IPs. */
export function isDualStackIPStrings(ips: string[]): boolean {
  let has4 = false;
  let has6 = false;
  for (const s of ips) {
    const ip = parseIPSloppy(s);
    if (!ip) return false;
    if (ip.is4) has4 = true;
    else has6 = true;
  }
  return has4 && has6;
}
