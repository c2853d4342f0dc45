import type { Summary } from './summarise';
import { plural } from '../words';

/** A summary as plain text, for the command line. */
export function summaryToText(s: Summary, heading = s.title): string {
  const lines: string[] = [heading, '='.repeat(Math.min(heading.length, 72)), ''];
  if (s.question)
    lines.push('The question', `  ${s.question.text} (${s.question.author}, post ${s.question.postNumber})`, '');
  if (s.keyPoints.length) {
    lines.push('Key points');
    for (const k of s.keyPoints) lines.push(`  - ${k.text} (${k.author}, post ${k.postNumber})`);
    lines.push('');
  }
  if (s.mentioned.length) {
    lines.push('Mentioned');
    lines.push(`  ${s.mentioned.map((m) => `${m.term} (${plural(m.posts, 'post', 'posts')})`).join(', ')}`, '');
  }
  if (s.support.length) {
    lines.push('Support');
    for (const x of s.support)
      lines.push(
        `  - ${x.from.kind === 'organisation' ? x.from.name : `forum staff (${x.from.username})`}: ${x.value} (post ${x.postNumber}): ${x.context}`,
      );
    lines.push('');
  }
  if (s.memberLinks.length) {
    lines.push('Links posted by members (not checked)');
    for (const l of s.memberLinks) lines.push(`  - ${l.url} (${l.author}, post ${l.postNumber})`);
    lines.push('');
  }
  lines.push('Made on this computer by Threadside. It is not medical advice.');
  return lines.join('\n');
}
