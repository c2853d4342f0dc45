import type { CompiledMatcher } from './matcher';
import type { GlossaryEntry } from './schema';

/**
 * The compiled matcher in a form that crosses extension messaging cheaply: the strings as
 * they are, every number table in one base64 string. Messaging copies a string in one piece,
 * where tens of thousands of numbers would each be converted on both sides.
 */
export interface PackedMatcher {
  format: 1;
  ids: string[];
  cues: string[][];
  exact: string[];
  fuzzy: string[];
  /** Element counts of the tables, in `TABLES` order. */
  lengths: number[];
  data: string;
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

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function packMatcher(c: CompiledMatcher): PackedMatcher {
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
  return { format: 1, ids: c.ids, cues: c.cues, exact: c.exact, fuzzy: c.fuzzy, lengths, data: toBase64(bytes) };
}

/** Null when the message is not a packed matcher this code can read. */
export function unpackMatcher(p: unknown): CompiledMatcher | null {
  const packed = p as Partial<PackedMatcher> | null;
  if (
    !packed ||
    packed.format !== 1 ||
    !Array.isArray(packed.ids) ||
    !Array.isArray(packed.cues) ||
    !Array.isArray(packed.exact) ||
    !Array.isArray(packed.fuzzy) ||
    !Array.isArray(packed.lengths) ||
    packed.lengths.length !== TABLES.length ||
    typeof packed.data !== 'string'
  )
    return null;
  // A fresh array of its own (offset 0), so every table's view is aligned.
  const bytes = fromBase64(packed.data);
  const tables = {} as Record<TableName, TypedArray>;
  let at = 0;
  for (let i = 0; i < TABLES.length; i++) {
    const { name, size, make } = TABLES[i];
    const n = packed.lengths[i];
    if (!Number.isInteger(n) || n < 0 || at + n * size > bytes.byteLength) return null;
    tables[name] = make(bytes.buffer as ArrayBuffer, at, n);
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

/** The background's answer to "glossary" as the page uses it; a clear error when it is not one. */
export function glossaryFromReply(reply: { entries?: unknown; matcher?: unknown } | null | undefined): {
  entries: GlossaryEntry[];
  matcher: CompiledMatcher;
} {
  const matcher = unpackMatcher(reply?.matcher);
  if (!Array.isArray(reply?.entries) || !matcher) throw new Error('Threadside could not load its glossary.');
  return { entries: reply.entries as GlossaryEntry[], matcher };
}
