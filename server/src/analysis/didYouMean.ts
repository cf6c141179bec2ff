/** Edit distance with an early exit once every cell of a row exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Up to `max` candidates close to `word`, nearest first; ties keep the candidates' order. */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { name: string; d: number }[] = [];
  for (const name of candidates) {
    const d = editDistance(word, name, limit);
    if (d <= limit) scored.push({ name, d });
  }
  scored.sort((x, y) => x.d - y.d);
  return scored.slice(0, max).map((s) => s.name);
}
