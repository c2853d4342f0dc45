import type { CompiledMatcher } from './matcher';

/**
 * The compiled matcher as the build writes it for the extension to read: the strings in a
 * small JSON file, every number table in one binary file read straight into typed arrays
 * (no decoding: a base64 string of them had cost a page 15–20 ms to decode, and carrying
 * it through messaging more).
 */
export interface MatcherMeta {
  format: 2;
  ids: string[];
  cues: string[][];
  exact: string[];
  fuzzy: string[];
  /** Element counts of the tables, in `TABLES` order. */
  lengths: number[];
  /** The binary file's length. */
  bytes: number;
}

type TableName =
  'edgeStart' | 'fail' | 'keyNode' | 'senseStart' | 'senseEntry' | 'senseExact' | 'edgeCode' | 'keyLen' | 'senseFlags';
type TypedArray = Uint32Array | Int32Array | Uint16Array | Uint8Array;

/** 4-byte tables first, then 2-byte, then 1-byte: each view starts aligned to its size. */
const TABLES: ReadonlyArray<{
  name: TableName;
  size: 1 | 2 | 4;
  make: (b: ArrayBuffer, at: number, n: number) => TypedArray;
}> = [
  { name: 'edgeStart', size: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  { name: 'fail', size: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  { name: 'keyNode', size: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  { name: 'senseStart', size: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  { name: 'senseEntry', size: 4, make: (b, at, n) => new Uint32Array(b, at, n) },
  { name: 'senseExact', size: 4, make: (b, at, n) => new Int32Array(b, at, n) },
  { name: 'edgeCode', size: 2, make: (b, at, n) => new Uint16Array(b, at, n) },
  { name: 'keyLen', size: 2, make: (b, at, n) => new Uint16Array(b, at, n) },
  { name: 'senseFlags', size: 1, make: (b, at, n) => new Uint8Array(b, at, n) },
];

function tablesOf(c: CompiledMatcher): Record<TableName, TypedArray> {
  const { automaton: a } = c;
  return {
    edgeStart: a.edgeStart,
    fail: a.fail,
    keyNode: a.keyNode,
    senseStart: c.senseStart,
    senseEntry: c.senseEntry,
    senseExact: c.senseExact,
    edgeCode: a.edgeCode,
    keyLen: c.keyLen,
    senseFlags: c.senseFlags,
  };
}

export function packMatcher(c: CompiledMatcher): { meta: MatcherMeta; bytes: Uint8Array } {
  const tables = tablesOf(c);
  const lengths = TABLES.map((t) => tables[t.name].length);
  const size = TABLES.reduce((n, t) => n + tables[t.name].byteLength, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const t of TABLES) {
    const table = tables[t.name];
    bytes.set(new Uint8Array(table.buffer, table.byteOffset, table.byteLength), at);
    at += table.byteLength;
  }
  return { meta: { format: 2, ids: c.ids, cues: c.cues, exact: c.exact, fuzzy: c.fuzzy, lengths, bytes: size }, bytes };
}

/** Null when the files are not a packed matcher this code can read. */
export function unpackMatcher(meta: unknown, data: ArrayBuffer | null | undefined): CompiledMatcher | null {
  const packed = meta as Partial<MatcherMeta> | null;
  if (
    !packed ||
    packed.format !== 2 ||
    !Array.isArray(packed.ids) ||
    !Array.isArray(packed.cues) ||
    !Array.isArray(packed.exact) ||
    !Array.isArray(packed.fuzzy) ||
    !Array.isArray(packed.lengths) ||
    packed.lengths.length !== TABLES.length ||
    // Not instanceof: a buffer made in another realm (a test's, a frame's) is not this one's.
    Object.prototype.toString.call(data) !== '[object ArrayBuffer]' ||
    data!.byteLength !== packed.bytes
  )
    return null;
  // A buffer of its own (offset 0), so every table's view is aligned.
  const bytes = new Uint8Array(data!);
  const tables = {} as Record<TableName, TypedArray>;
  let at = 0;
  for (let i = 0; i < TABLES.length; i++) {
    const { name, size, make } = TABLES[i];
    const n = packed.lengths[i];
    if (!Number.isInteger(n) || n < 0 || at + n * size > bytes.byteLength) return null;
    tables[name] = make(bytes.buffer, at, n);
    at += n * size;
  }
  return {
    ids: packed.ids,
    cues: packed.cues,
    exact: packed.exact,
    fuzzy: packed.fuzzy,
    automaton: {
      edgeStart: tables.edgeStart as Uint32Array,
      edgeCode: tables.edgeCode as Uint16Array,
      fail: tables.fail as Uint32Array,
      keyNode: tables.keyNode as Uint32Array,
    },
    keyLen: tables.keyLen as Uint16Array,
    senseStart: tables.senseStart as Uint32Array,
    senseEntry: tables.senseEntry as Uint32Array,
    senseExact: tables.senseExact as Int32Array,
    senseFlags: tables.senseFlags as Uint8Array,
  };
}
