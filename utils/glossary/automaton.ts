/**
 * Aho–Corasick over folded text: built once from every key, then one pass over the text
 * finds every key occurrence, in time linear in the text plus the matches, however many
 * keys there are.
 *
 * Built with transitions in one Map keyed by (node, character), then flattened into a few
 * typed arrays (`AutomatonTables`): that form is what the background hands to forum pages,
 * which scan with it as it is, without building anything.
 */
export interface Automaton {
  /** Calls `hit(end, keyIndex)` for every key ending at folded position `end` (exclusive). */
  scan(text: string, hit: (end: number, key: number) => void): void;
  readonly nodeCount: number;
}

/**
 * The automaton as plain arrays. Nodes are numbered breadth-first with each node's children
 * in ascending character order, so the children of node `n` are the nodes
 * `edgeStart[n] + 1 … edgeStart[n + 1]`, reached by `edgeCode[edgeStart[n]] …` in turn.
 */
export interface AutomatonTables {
  /** Length nodes + 1. */
  edgeStart: Uint32Array;
  /** Length nodes - 1: the character (UTF-16 code unit) into each node but the root. */
  edgeCode: Uint16Array;
  /** Length nodes: the longest proper suffix that is also a prefix. */
  fail: Uint32Array;
  /** Length keys: the node where each key ends. */
  keyNode: Uint32Array;
}

const edge = (node: number, code: number) => node * 0x10000 + code;

export interface AutomatonBuilder {
  /** Adds up to `budget` keys; returns true once every key is in. */
  addKeys(budget: number): boolean;
  /** Links up to `budget` nodes; returns the automaton's tables once every node is linked. */
  link(budget: number): AutomatonTables | null;
}

/** Builds in steps, so a page can spread the work over idle time. */
export function automatonBuilder(keys: readonly string[]): AutomatonBuilder {
  const next = new Map<number, number>();
  const children: number[][] = [[]];
  const childCodes: number[][] = [[]];
  const fail: number[] = [0];
  const keyEnd: number[] = [];
  let k = 0;
  let queue: number[] | null = null;
  let qi = 0;

  return {
    addKeys(budget) {
      for (const end = Math.min(keys.length, k + budget); k < end; k++) {
        const key = keys[k];
        let node = 0;
        for (let i = 0; i < key.length; i++) {
          const code = key.charCodeAt(i);
          let child = next.get(edge(node, code));
          if (child === undefined) {
            child = fail.length;
            fail.push(0);
            children.push([]);
            childCodes.push([]);
            children[node].push(child);
            childCodes[node].push(code);
            next.set(edge(node, code), child);
          }
          node = child;
        }
        keyEnd.push(node);
      }
      return k >= keys.length;
    },
    link(budget) {
      // Breadth-first: a node's failure link is the longest proper suffix that is a prefix.
      queue ??= [...children[0]];
      for (let done = 0; qi < queue.length && done < budget; qi++, done++) {
        const node = queue[qi];
        const kids = children[node];
        for (let c = 0; c < kids.length; c++) {
          const child = kids[c];
          const code = childCodes[node][c];
          queue.push(child);
          let f = fail[node];
          while (f !== 0 && !next.has(edge(f, code))) f = fail[f];
          const target = node === 0 ? 0 : (next.get(edge(f, code)) ?? 0);
          fail[child] = target === child ? 0 : target;
        }
      }
      if (qi < queue.length) return null;
      return flatten();
    },
  };

  /** Renumbers breadth-first, children by character, into the tables' form. */
  function flatten(): AutomatonTables {
    const n = fail.length;
    const newId = new Uint32Array(n);
    const order = [0];
    const edgeStart = new Uint32Array(n + 1);
    const edgeCode = new Uint16Array(Math.max(0, n - 1));
    for (let i = 0; i < order.length; i++) {
      const node = order[i];
      newId[node] = i;
      edgeStart[i] = order.length - 1;
      const kids = children[node].map((child, c) => ({ child, code: childCodes[node][c] }));
      kids.sort((a, b) => a.code - b.code);
      for (const { child, code } of kids) {
        edgeCode[order.length - 1] = code;
        order.push(child);
      }
    }
    edgeStart[n] = n - 1;
    const failOut = new Uint32Array(n);
    for (let old = 0; old < n; old++) failOut[newId[old]] = newId[fail[old]];
    const keyNode = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) keyNode[i] = newId[keyEnd[i]];
    return { edgeStart, edgeCode, fail: failOut, keyNode };
  }
}

/**
 * The automaton a page scans with, from its tables: a few passes over plain arrays (the
 * output links), no building.
 */
export function automatonFromTables(t: AutomatonTables): Automaton {
  const { edgeStart, edgeCode, fail, keyNode } = t;
  const n = fail.length;
  // The key that ends at each node (-1: none); then, for each node, the nearest node down
  // its failure chain where a key ends (0: none), so a scan reports every key in one walk.
  const ownKey = new Int32Array(n).fill(-1);
  for (let k = 0; k < keyNode.length; k++) ownKey[keyNode[k]] = k;
  // Found as a scan first reaches each node, not for all of them at start: a page's first
  // scan runs cold (interpreted), where a loop over every node cost it about 8 ms, and a
  // page's posts reach a few thousand nodes at most. Kept plus one: 0 is "not yet known".
  const dictMemo = new Uint32Array(n);
  const dict = (x: number): number => {
    let d = dictMemo[x];
    if (d === 0) {
      const f = fail[x];
      // The chain ends at the root (0), where no key ends (the root's own link is itself).
      d = 1 + (f === 0 ? 0 : ownKey[f] >= 0 ? f : dict(f));
      dictMemo[x] = d;
    }
    return d - 1;
  };
  // The root's children by character, for the common case of ASCII text.
  const rootAscii = new Int32Array(128);
  for (let e = edgeStart[0]; e < edgeStart[1]; e++) if (edgeCode[e] < 128) rootAscii[edgeCode[e]] = e + 1;

  const step = (node: number, code: number): number => {
    if (node === 0 && code < 128) return rootAscii[code];
    let lo = edgeStart[node];
    let hi = edgeStart[node + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = edgeCode[mid];
      if (c === code) return mid + 1;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  };

  return {
    nodeCount: n,
    scan(text, hit) {
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let to = step(node, code);
        while (to === 0 && node !== 0) {
          node = fail[node];
          to = step(node, code);
        }
        node = to;
        if (ownKey[node] < 0 && dictMemo[node] === 1) continue; // the common case: nothing ends here
        for (let x = ownKey[node] >= 0 ? node : dict(node); x !== 0; x = dict(x)) hit(i + 1, ownKey[x]);
      }
    },
  };
}
