import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The focus ring a keyboard reader follows, against the background it is drawn on, in the
 * light and the dark theme: WCAG 1.4.11 asks 3:1 for it (axe does not check rings).
 */
const css = (path: string) => readFileSync(new URL(`../../../components/${path}`, import.meta.url), 'utf8');

/** A custom property's colour in the light theme (its first setting) and the dark one (inside the dark media query). */
function themed(text: string, name: string) {
  const dark = text.indexOf('prefers-color-scheme: dark');
  const at = (from: number, to: number) =>
    new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(text.slice(from, to))?.[1] ?? null;
  return { light: at(0, dark), dark: at(dark, text.indexOf('}\n}', dark) + 1) };
}

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('focus rings a keyboard reader can see', () => {
  it.each([
    ['the bar and the summary panel', 'thread-bar.css', '--ts-focus', '--ts-bg'],
    ['the popup and the options page', 'theme.css', '--focus', '--bg'],
    ['the term tooltip', 'term-tooltip.css', '--tt-focus', '--tt-bg'],
  ])('%s: 3:1 or more against the background, light and dark', (_what, file, ring, background) => {
    const text = css(file);
    const r = themed(text, ring);
    const bg = themed(text, background);
    for (const theme of ['light', 'dark'] as const) {
      expect(r[theme], `${ring} ${theme}`).not.toBeNull();
      expect(contrast(r[theme]!, bg[theme]!), `${file} ${theme}`).toBeGreaterThanOrEqual(3);
    }
  });
});
