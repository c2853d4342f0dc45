/**
 * One Tab stop per post for its underlined terms (a roving tab stop): Tab reaches a post's
 * first term, the arrow keys move between that post's terms, Home and End to its first and
 * last, and Tab leaves for what follows. A long thread's hundred terms are not a hundred
 * Tab presses, and every term can still be reached, focused and explained by keyboard.
 */
export function termMoveTarget<T>(terms: readonly T[], current: T, key: string): T | null {
  const i = terms.indexOf(current);
  if (i < 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return terms[i + 1] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return i > 0 ? terms[i - 1] : null;
    case 'Home':
      return i > 0 ? terms[0] : null;
    case 'End':
      return i < terms.length - 1 ? terms[terms.length - 1] : null;
    default:
      return null;
  }
}
