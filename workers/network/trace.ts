/**
 * Request traces: every request a container makes (a DNS lookup, an HTTP
 * request, a TCP connect) is recorded hop by hop so the UI can animate it.
 * Kept in a bounded ring buffer.
 */

export type HopKind = 'dns' | 'rule' | 'dnat' | 'route' | 'policy' | 'deliver' | 'response';

export interface Hop {
  kind: HopKind;
  node?: string;
  detail: string;
  chain?: string;
  rule?: string;
}

export type Outcome = 'ok' | 'refused' | 'timeout' | 'unreachable' | 'nxdomain';

export interface Trace {
  id: number;
  /** Virtual time (ms) the request was made. */
  time: number;
  /** `namespace/pod` of the client, or `node/<name>` for host-network clients. */
  from: string;
  /** What was asked: `GET http://nginx/`, `connect 10.96.0.1:443`, `A nginx`. */
  request: string;
  outcome: Outcome;
  hops: Hop[];
}

export const TRACE_CAPACITY = 500;

export class TraceLog {
  private readonly buf: Trace[] = [];
  private next = 1;

  constructor(private readonly capacity = TRACE_CAPACITY) {}

  newId(): number {
    return this.next++;
  }

  add(t: Trace): void {
    this.buf.push(t);
    if (this.buf.length > this.capacity) this.buf.splice(0, this.buf.length - this.capacity);
  }

  /** Oldest first. */
  list(): readonly Trace[] {
    return this.buf;
  }
}
