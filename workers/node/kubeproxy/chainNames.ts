/**
 * iptables chain names kube-proxy derives from service ports and endpoints
 * (pkg/proxy/iptables/proxier.go portProtoHash, servicePortEndpointChainName):
 * the first 16 characters of the base32 (RFC 4648, Go's StdEncoding) of a
 * SHA-256, because chain names must fit in 28 characters.
 */
import { sha256Hex } from '../runtime/images/digest';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32.StdEncoding of the bytes, without padding (we only ever keep a prefix). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function hash16(text: string): string {
  const hex = sha256Hex(text);
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return base32(bytes).slice(0, 16);
}

/** `namespace/name:port` (`namespace/name` for an unnamed port): proxy.ServicePortName.String(). */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

/** Protocol in lower case, as kube-proxy hashes and writes it (`tcp`, `udp`, `sctp`). */
export type Proto = 'tcp' | 'udp' | 'sctp';

export function portProtoHash(svcPortName: string, protocol: Proto): string {
  return hash16(svcPortName + protocol);
}

export const clusterChain = (svcPortName: string, p: Proto) => `KUBE-SVC-${portProtoHash(svcPortName, p)}`;
export const localChain = (svcPortName: string, p: Proto) => `KUBE-SVL-${portProtoHash(svcPortName, p)}`;
export const firewallChain = (svcPortName: string, p: Proto) => `KUBE-FW-${portProtoHash(svcPortName, p)}`;
export const externalChain = (svcPortName: string, p: Proto) => `KUBE-EXT-${portProtoHash(svcPortName, p)}`;

/** KUBE-SEP-… for one endpoint (`ip:port`) of a service port. */
export function endpointChain(svcPortName: string, p: Proto, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + p + endpoint)}`;
}
