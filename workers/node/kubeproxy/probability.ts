/**
 * The `--probability` of a KUBE-SVC rule. kube-proxy writes 1/n with
 * `%0.10f` (proxier.go computeProbability); the kernel keeps it as a 31-bit
 * fraction (libxt_statistic: lround(0x80000000 * p)) and iptables-save
 * prints that back with `%.11f` — hence 0.33333333349 for 1/3.
 */

/** What kube-proxy writes for the i-th of n endpoints (n - i remaining). */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** The kernel's 31-bit fixed-point value for a written probability. */
export function kernelProbability(written: string): number {
  return Math.round(0x80000000 * Number(written));
}

/** The probability as iptables-save prints it. */
export function savedProbability(written: string): string {
  return (kernelProbability(written) / 0x80000000).toFixed(11);
}

/** Does a random draw in [0, 1) match? (xt_statistic: prandom_u32() & 0x7FFFFFFF < probability). */
export function statisticMatches(written: string, draw: number): boolean {
  return Math.floor(draw * 0x80000000) < kernelProbability(written);
}
