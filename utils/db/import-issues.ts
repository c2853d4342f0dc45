import { count } from '../words';

/**
 * A validator's complaint about an imported file, in words a reader can act on: "Thread 3:
 * the title is missing" rather than "(at threads.2.title): Invalid input: expected string,
 * received number". The file itself is consulted for what was there (zod does not report it).
 */
export interface ImportIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  origin?: string;
}

const FIELDS: Record<string, string> = {
  origin: 'the forum’s address',
  threadId: 'the thread’s number',
  url: 'the thread’s address',
  title: 'the title',
  engine: 'the forum software',
  savedAt: 'the date it was saved',
  lastVisitedAt: 'the date of the last visit',
  lastReadPostNumber: 'the last post read',
  postCount: 'the number of posts',
  highestPostNumber: 'the highest post number',
  lastActivityAt: 'the date of the last post',
  note: 'the note',
  baselinePostNumber: 'the post new replies are counted from',
  deletedSeen: 'the number of deleted posts seen',
  perPage: 'the posts per page',
  exportedAt: 'the export date',
  threads: 'the list of threads',
};

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

function valueAt(root: unknown, path: PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: cur };
}

const describeValue = (v: unknown) =>
  v === null
    ? 'empty'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'string'
        ? 'text'
        : `${KINDS[typeof v] ?? typeof v}`;

/** Where the problem is: "Thread 3" (counting from 1, as a reader does) or "The file". */
function placeOf(path: PropertyKey[]): { place: string; field: PropertyKey | undefined } {
  if (path[0] === 'threads' && typeof path[1] === 'number')
    return { place: `Thread ${count(path[1] + 1)}`, field: path[2] };
  return { place: 'The file', field: path[0] };
}

export function plainIssue(issue: ImportIssue, file: unknown): string {
  const { place, field } = placeOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue.keys ?? []).map((k) => `“${k}”`);
    // Fields are added in later versions of Threadside without a new format number.
    return `${place} has ${keys.length === 1 ? 'a field' : 'fields'} Threadside does not know: ${keys.join(', ')}. If the file comes from a newer Threadside, update this one, then import it again`;
  }
  const name = field === undefined ? 'it' : (FIELDS[String(field)] ?? `“${String(field)}”`);
  // Our own bounds and rules already speak plainly ("is in the future", "must be this thread…").
  if (/^(is|must|should) /.test(issue.message)) return `${place}: ${name} ${issue.message}`;
  const at = valueAt(file, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (!at.found || at.value === undefined) return `${place}: ${name} is missing`;
      if (issue.expected === 'int' && typeof at.value === 'number')
        return `${place}: ${name} should be a whole number, not ${at.value}`;
      return `${place}: ${name} should be ${KINDS[issue.expected ?? ''] ?? issue.expected}, not ${describeValue(at.value)}`;
    case 'too_big':
      return `${place}: ${name} is too ${issue.origin === 'string' ? 'long' : issue.origin === 'array' ? 'long a list' : 'large'}`;
    case 'too_small':
      return `${place}: ${name} is ${issue.origin === 'string' ? 'empty or too short' : 'too small'}`;
    case 'invalid_value':
      return `${place}: ${name} is not one Threadside knows`;
    default:
      return `${place}: ${name} is not right (${issue.message})`;
  }
}

/** The first problem in plain words, and how many more there are. */
export function importProblem(issues: readonly ImportIssue[], file: unknown): string {
  const first = plainIssue(issues[0], file);
  const more = issues.length - 1;
  return more > 0 ? `${first} (and ${count(more)} more ${more === 1 ? 'problem' : 'problems'})` : first;
}
