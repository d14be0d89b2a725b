/** Loose text matching for header names and product names. */

/** Lowercase, accents and punctuation dropped, words separated by one space: `Probability (%)` → `probability`. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `normalizeName` without spaces: `GTX Pro` and `GTXPro` both give `gtxpro`. */
export function compactName(text: string): string {
  return normalizeName(text).replace(/ /g, '');
}

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** 1 for equal names (after `compactName`), falling towards 0 with the edit distance. */
export function nameSimilarity(a: string, b: string): number {
  const x = compactName(a);
  const y = compactName(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/**
 * The known name closest to `name`, when it is close enough to be a likely misspelling
 * (same letters once spaces, case and punctuation are ignored, or similarity ≥ `min`).
 */
export function closestName(name: string, known: Iterable<string>, min = 0.75): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const k of known) {
    const score = nameSimilarity(name, k);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return bestScore >= min ? best : null;
}
