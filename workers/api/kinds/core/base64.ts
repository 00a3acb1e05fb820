/**
 * Base64 as Go's encoding/json handles []byte fields (StdEncoding, padded;
 * CR and LF are skipped), so Secret data can be checked and sized.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * Go's CorruptInputError offset for the first bad byte, or undefined when
 * the text decodes. Used for upstream's 400 "illegal base64 data at input byte N".
 */
export function base64ErrorOffset(s: string): number | undefined {
  let quantumStart = 0;
  let inQuantum = 0;
  let padding = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\r' || c === '\n') continue;
    if (padding > 0) {
      if (c !== '=') return i;
      padding++;
      inQuantum++;
      if (inQuantum === 4) {
        inQuantum = 0;
        // Data after the padded quantum is an error at its first byte.
        for (let j = i + 1; j < s.length; j++) if (s[j] !== '\r' && s[j] !== '\n') return j;
        return undefined;
      }
      continue;
    }
    if (c === '=') {
      if (inQuantum < 2) return i;
      padding = 1;
      inQuantum++;
      if (inQuantum === 4) {
        for (let j = i + 1; j < s.length; j++) if (s[j] !== '\r' && s[j] !== '\n') return j;
        return undefined;
      }
      continue;
    }
    if (!VALUE.has(c)) return i;
    if (inQuantum === 0) quantumStart = i;
    inQuantum = (inQuantum + 1) % 4;
  }
  return inQuantum === 0 && padding === 0 ? undefined : padding > 0 ? s.length : quantumStart;
}

export function base64DecodedLength(s: string): number {
  const clean = s.replace(/[\r\n]/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

/** UTF-8 text → standard base64, in Node and in a Web Worker. */
export function base64EncodeUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
