import { discourseAdapter } from '../forums/discourse';

/**
 * A Discourse post's HTML (from the forum's JSON) to plain text for summarising, parsed in an
 * inert document (DOMParser runs no script and loads no image) and never put into the live
 * page. The same reading as a post on the page: Discourse's `postText`, less emoji codes.
 */
export function cookedToText(html: string, parser: DOMParser): string {
  const doc = parser.parseFromString(`<body>${html}</body>`, 'text/html');
  return discourseAdapter
    .postText(doc.body)
    .split('\n')
    .map((t) =>
      t
        .replace(/:[a-z0-9_+-]+:/g, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
