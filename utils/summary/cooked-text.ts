/**
 * A post's HTML to plain text for summarising, parsed in an inert document (DOMParser
 * runs no script and loads no image) and never put into the live page. Quotes of other
 * posts, signatures, images and emoji go; paragraphs and line breaks stay as new lines.
 */
const DROP =
  'aside.quote, blockquote, .signature, .user-signature, img, .lightbox-wrapper .meta, script, style, .d-editor-preview, .spoiler';

export function cookedToText(html: string, parser: DOMParser): string {
  const doc = parser.parseFromString(`<body>${html}</body>`, 'text/html');
  for (const el of doc.body.querySelectorAll(DROP)) el.remove();
  for (const br of doc.body.querySelectorAll('br')) br.replaceWith('\n');
  const parts: string[] = [];
  const blocks = doc.body.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, td');
  if (blocks.length === 0) parts.push(doc.body.textContent ?? '');
  for (const b of blocks) if (!b.querySelector('p, li')) parts.push(b.textContent ?? '');
  return parts
    .map((t) =>
      t
        .replace(/:[a-z0-9_+-]+:/g, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}
