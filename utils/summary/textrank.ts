/**
 * TextRank over TF-IDF sentence vectors: sentences that resemble many other sentences
 * score high. The random-jump vector is the sentences' prior weights (likes, first-hand
 * experience, the opening poster's replies), so those pull the ranking their way.
 */
export type Vector = Map<string, number>;

export function tfidfVectors(docs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of d) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = c * Math.log(1 + n / (df.get(w) ?? 1));
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [w, x] of small) {
    const y = large.get(w);
    if (y !== undefined) s += x * y;
  }
  return s;
}

export function textRank(vectors: Vector[], prior: number[], iterations = 30, damping = 0.85): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const sim = vectors.map(() => new Array<number>(n).fill(0));
  const rowSum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i], vectors[j]);
      if (s <= 0.05) continue;
      sim[i][j] = sim[j][i] = s;
      rowSum[i] += s;
      rowSum[j] += s;
    }
  const total = prior.reduce((a, b) => a + b, 0) || 1;
  const jump = prior.map((p) => p / total);
  let rank = jump.slice();
  for (let it = 0; it < iterations; it++) {
    const next = jump.map((j) => (1 - damping) * j);
    for (let i = 0; i < n; i++) {
      if (rowSum[i] === 0) {
        for (let k = 0; k < n; k++) next[k] += damping * rank[i] * jump[k];
        continue;
      }
      const share = (damping * rank[i]) / rowSum[i];
      const row = sim[i];
      for (let j = 0; j < n; j++) if (row[j]) next[j] += share * row[j];
    }
    rank = next;
  }
  return rank;
}
