/** JSON forms of the apimachinery types whose JSON is not an object of their proto fields. */

/** metav1.Time as its MarshalJSON writes it: RFC 3339 in UTC, whole seconds; the zero time is null. */
export function timeJSON(seconds: number, nanos: number): string | null | Error {
  // Time.Unmarshal treats {0, 0} as the zero time (apimachinery pkg/apis/meta/v1/time_proto.go).
  if (seconds === 0 && nanos === 0) return null;
  return rfc3339(seconds, nanos, false);
}

/** metav1.MicroTime: RFC 3339 with exactly six fractional digits. */
export function microTimeJSON(seconds: number, nanos: number): string | null | Error {
  if (seconds === 0 && nanos === 0) return null;
  return rfc3339(seconds, nanos, true);
}

function rfc3339(seconds: number, nanos: number, micro: boolean): string | Error {
  // time.Unix normalises nanos outside [0, 1e9) into the seconds.
  const total = seconds + Math.floor(nanos / 1e9);
  const ns = ((nanos % 1e9) + 1e9) % 1e9;
  const d = new Date(total * 1000);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return new Error('Time.MarshalJSON: year outside of range [0,9999]');
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ for years 0..9999
  const base = iso.slice(0, 19);
  return micro ? `${base}.${String(Math.floor(ns / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

/** time.Duration.String() for metav1.Duration (e.g. 1h0m0s, 1m30s, 1.5s, 250ms, 0s). */
export function durationJSON(ns: number): string {
  if (ns === 0) return '0s';
  const u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    // Sub-second durations use the largest unit that keeps an integer part.
    const [div, unit] = u < 1e3 ? [1, 'ns'] : u < 1e6 ? [1e3, 'µs'] : [1e6, 'ms'];
    out = fraction(u, div) + unit;
  } else {
    out = `${fraction(u % 60e9, 1e9)}s`;
    const minutes = Math.floor(u / 60e9);
    if (minutes > 0) {
      out = `${minutes % 60}m${out}`;
      const hours = Math.floor(minutes / 60);
      if (hours > 0) out = `${hours}h${out}`;
    }
  }
  return ns < 0 ? `-${out}` : out;
}

/** `v / div` with the fractional digits Go prints (trailing zeros dropped). */
function fraction(v: number, div: number): string {
  const whole = Math.floor(v / div);
  const rest = v - whole * div;
  if (rest === 0) return String(whole);
  const digits = String(div).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding: how encoding/json writes []byte. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i + 1 === bytes.length) {
    const n = bytes[i] << 16;
    out += `${B64[n >> 18]}${B64[(n >> 12) & 63]}==`;
  } else if (i + 2 === bytes.length) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${B64[n >> 18]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
  }
  return out;
}
