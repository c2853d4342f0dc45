/**
 * Aho–Corasick over folded text: built once from every key, then one pass over the text
 * finds every key occurrence, in time linear in the text plus the matches, however many
 * keys there are.
 */
export interface Automaton {
  /** Calls `hit(end, keyIndex)` for every key ending at folded position `end` (exclusive). */
  scan(text: string, hit: (end: number, key: number) => void): void;
  readonly nodeCount: number;
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  const next: Array<Map<string, number>> = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];

  keys.forEach((key, k) => {
    let node = 0;
    for (const ch of key) {
      let child = next[node].get(ch);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        fail.push(0);
        out.push([]);
        next[node].set(ch, child);
      }
      node = child;
    }
    out[node].push(k);
  });

  // Breadth-first: each node's failure link is the longest proper suffix that is a prefix.
  const queue: number[] = [...next[0].values()];
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    for (const [ch, child] of next[node]) {
      queue.push(child);
      let f = fail[node];
      while (f !== 0 && !next[f].has(ch)) f = fail[f];
      const target = next[f].get(ch);
      fail[child] = target !== undefined && target !== child ? target : 0;
      // Outputs of the suffix are outputs here too.
      if (out[fail[child]].length) out[child] = out[child].concat(out[fail[child]]);
    }
  }

  return {
    nodeCount: next.length,
    scan(text, hit) {
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        while (node !== 0 && !next[node].has(ch)) node = fail[node];
        node = next[node].get(ch) ?? 0;
        const o = out[node];
        for (let j = 0; j < o.length; j++) hit(i + 1, o[j]);
      }
    },
  };
}
