/** helper.DefaultNormalizeScore: scale to 0..max by the highest score, optionally reversed; integer division as in Go. */
export const MAX_NODE_SCORE = 100;

export function defaultNormalizeScore(max: number, reverse: boolean, scores: number[]): void {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((max * scores[i]) / highest);
    if (reverse) s = max - s;
    scores[i] = s;
  }
}
