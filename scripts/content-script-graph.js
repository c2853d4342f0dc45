// The files the content script is built from: its entry, the in-page UI, and every project
// file they import, followed through relative imports. ESLint keeps heavy libraries out of
// all of them, so the rule follows the code as it changes instead of a list kept by hand.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// Type-only imports are left out: they vanish from the build.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^;]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts'];

function resolveImport(from, specifier) {
  const base = join(dirname(from), specifier);
  return EXTENSIONS.map((ext) => base + ext).find((file) => /\.tsx?$/.test(file) && existsSync(file));
}

/** Paths relative to `root`, for ESLint's `files`. */
export function contentScriptFiles(root, entries) {
  const seen = new Set();
  const queue = entries.map((e) => join(root, e));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (next) queue.push(next);
    }
  }
  return [...seen].map((f) => relative(root, f));
}
