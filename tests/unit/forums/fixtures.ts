import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '../../fixtures/discourse');

export const fixtureText = (name: string) => readFileSync(join(dir, name), 'utf8');

/** A saved page as a Document, the way the content script would see it. */
export function fixtureDoc(name: string): Document {
  return new DOMParser().parseFromString(fixtureText(name), 'text/html');
}
