/**
 * The client side of DNS: a pod's /etc/resolv.conf and the order a libc
 * stub resolver tries names in (search list and ndots, resolv.conf(5)).
 */

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** options timeout:N (default 5 s) and attempts:N (default 2). */
  timeoutSeconds: number;
  attempts: number;
}

export function parseResolvConf(text: string | undefined): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutSeconds: 5, attempts: 2 };
  for (const line of (text ?? '').split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.search = rest;
    else if (key === 'options') {
      for (const o of rest) {
        const [name, value] = o.split(':');
        const n = Number(value);
        if (name === 'ndots' && Number.isInteger(n)) conf.ndots = Math.min(n, 15);
        if (name === 'timeout' && Number.isInteger(n)) conf.timeoutSeconds = n;
        if (name === 'attempts' && Number.isInteger(n)) conf.attempts = n;
      }
    }
  }
  return conf;
}

/**
 * Fully qualified names in the order they are queried: a name with at
 * least ndots dots is tried as is first; otherwise the search list comes
 * first. A trailing dot means "as is, only".
 */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}
