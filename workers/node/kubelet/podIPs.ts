/**
 * Pod IPs from the node's podCIDR, handed out the way CNI host-local IPAM
 * does: the gateway (.1) is reserved, allocation continues after the last
 * address given (wrapping round), and an address is free again once its
 * sandbox is gone.
 */
export class PodIPAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Map<number, string>();
  private last = 1;

  constructor(cidr: string) {
    const [ip, bits] = cidr.split('/');
    const prefix = Number(bits);
    if (!Number.isInteger(prefix) || prefix < 8 || prefix > 30) throw new Error(`unsupported pod CIDR ${cidr}`);
    const parts = ip.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`invalid pod CIDR ${cidr}`);
    this.size = 2 ** (32 - prefix);
    this.base = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
  }

  /** A free address for `owner` (a pod UID), or undefined when the range is exhausted. */
  allocate(owner: string): string | undefined {
    // Offsets 0 (network), 1 (gateway) and size-1 (broadcast) are never given out.
    const usable = this.size - 3;
    for (let i = 0; i < usable; i++) {
      let off = this.last + 1 + i;
      off = ((off - 2) % usable) + 2;
      if (!this.used.has(off)) {
        this.used.set(off, owner);
        this.last = off;
        return this.format(this.base + off);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    const n = this.parse(ip);
    if (n !== undefined) this.used.delete(n - this.base);
  }

  get inUse(): number {
    return this.used.size;
  }

  private format(n: number): string {
    return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  }

  private parse(ip: string): number | undefined {
    const p = ip.split('.').map(Number);
    if (p.length !== 4 || p.some((x) => !Number.isInteger(x))) return undefined;
    return ((p[0] << 24) >>> 0) + (p[1] << 16) + (p[2] << 8) + p[3];
  }
}
