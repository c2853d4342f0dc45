import type { PostView } from '../forums/adapter';

/**
 * A small "New" label above each post that arrived since the reader's last visit. It sits
 * beside the post's text, never inside it, and carries `data-threadside` so the post-stream
 * watcher and the glossary leave it alone.
 */
const MARKER = 'new-reply';
const STYLE = [
  'display: inline-block',
  'margin: 0 0 6px',
  'padding: 1px 9px',
  'border-radius: 999px',
  'background: #0f6e6a',
  'color: #ffffff',
  'font: 600 12px/1.6 system-ui, sans-serif',
  'letter-spacing: 0.02em',
].join(';');

export function markNewPosts(posts: readonly PostView[], firstNew: number | null): number {
  if (firstNew === null) return 0;
  let added = 0;
  for (const p of posts) {
    if (p.postNumber < firstNew) continue;
    const content = p.contentElement;
    const prev = content.previousElementSibling;
    if (prev?.getAttribute('data-threadside') === MARKER) continue;
    const label = content.ownerDocument.createElement('span');
    label.setAttribute('data-threadside', MARKER);
    label.setAttribute('style', STYLE);
    label.textContent = 'New';
    content.before(label);
    added++;
  }
  return added;
}
