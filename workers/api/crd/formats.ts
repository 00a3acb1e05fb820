/**
 * The string formats a CRD schema may name and the checks behind them
 * (apiextensions-apiserver pkg/apiserver/validation/formats.go keeps this
 * list; kube-openapi pkg/validation/strfmt does the checking). Formats not in
 * the list are stripped from the schema upstream, so they never fail.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HOSTNAME = /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DURATION = /^(-?\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+$/;
const BSON = /^[0-9a-f]{24}$/i;

function ipv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function ipv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = [...groups(dbl[0]), ...(dbl.length === 2 ? groups(dbl[1]) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (!ipv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

function validDate(y: string, m: string, d: string): boolean {
  const dt = new Date(Date.UTC(+y, +m - 1, +d));
  return dt.getUTCFullYear() === +y && dt.getUTCMonth() === +m - 1 && dt.getUTCDate() === +d;
}

const CHECKS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => {
    const m = RFC3339.exec(s);
    return !!m && validDate(m[1], m[2], m[3]) && +m[4] < 24 && +m[5] < 60 && +m[6] < 61;
  },
  datetime: (s) => CHECKS['date-time'](s),
  date: (s) => {
    const m = DATE.exec(s);
    return !!m && validDate(m[1], m[2], m[3]);
  },
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID.test(s),
  uuid4: (s) => UUID.test(s),
  uuid5: (s) => UUID.test(s),
  ipv4,
  ipv6,
  cidr: (s) => {
    const [ip, bits, more] = s.split('/');
    if (more !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
    return ipv4(ip) ? +bits <= 32 : ipv6(ip) && +bits <= 128;
  },
  mac: (s) => MAC.test(s),
  hostname: (s) => s.length <= 255 && HOSTNAME.test(s),
  email: (s) => EMAIL.test(s),
  byte: (s) => s.length % 4 === 0 && BASE64.test(s),
  duration: (s) => DURATION.test(s.replace(/\s+/g, '')),
  uri: (s) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s),
  bsonobjectid: (s) => BSON.test(s),
  hexcolor: (s) => /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s),
};

/** False when `value` breaks a known `format`; unknown formats always pass. */
export function matchesFormat(format: string, value: string): boolean {
  const check = CHECKS[format];
  return check ? check(value) : true;
}

export function isKnownFormat(format: string): boolean {
  return format in CHECKS;
}
