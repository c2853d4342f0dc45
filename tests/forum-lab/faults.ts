/** Faults the tests ask for, matched by path and used up after `times` requests. */
export type FaultKind = '429' | '500' | 'slow' | 'malformed' | 'login';

export interface Fault {
  /** Path prefix or substring the request path must contain. */
  match: string;
  kind: FaultKind;
  retryAfter?: number;
  delayMs?: number;
  /** How many requests it hits; unlimited when absent. */
  times?: number;
}

const KINDS: FaultKind[] = ['429', '500', 'slow', 'malformed', 'login'];

export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null) return 'fault must be a JSON object';
  const f = input as Record<string, unknown>;
  if (typeof f.match !== 'string' || !f.match) return '"match" must be a non-empty string';
  if (!KINDS.includes(f.kind as FaultKind)) return `"kind" must be one of ${KINDS.join(', ')}`;
  for (const k of ['retryAfter', 'delayMs', 'times'] as const) {
    if (f[k] !== undefined && (typeof f[k] !== 'number' || f[k] < 0)) return `"${k}" must be a non-negative number`;
  }
  return {
    match: f.match,
    kind: f.kind as FaultKind,
    retryAfter: f.retryAfter as number | undefined,
    delayMs: f.delayMs as number | undefined,
    times: f.times as number | undefined,
  };
}

export class FaultBook {
  private faults: Fault[] = [];

  add(f: Fault) {
    this.faults.push({ ...f });
  }

  clear() {
    this.faults = [];
  }

  /** The fault for this path, if any, using up one of its `times`. */
  take(path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => path.includes(f.match));
    if (i < 0) return undefined;
    const f = this.faults[i];
    if (f.times !== undefined) {
      f.times -= 1;
      if (f.times <= 0) this.faults.splice(i, 1);
    }
    return f;
  }
}
