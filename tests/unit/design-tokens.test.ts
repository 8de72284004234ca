import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The shared design tokens (components/shared/tokens.css) meet WCAG AA in light and dark: text
// colours 4.5:1 against the backgrounds they are used on, the focus ring 3:1 (a non-text contrast).

const css = readFileSync(new URL('../../components/shared/tokens.css', import.meta.url), 'utf8');
const DARK_AT = css.indexOf('@media (prefers-color-scheme: dark)');

/** The hex colour tokens of one part of the file, by name. */
function colours(part: string): Record<string, string> {
  return Object.fromEntries(
    [...part.matchAll(/--em-([a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2]]),
  );
}

const light = colours(css.slice(0, DARK_AT));
const dark = { ...light, ...colours(css.slice(DARK_AT)) };

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = ['fg', 'muted', 'accent', 'ok', 'warn', 'bad'];

describe.each([
  { scheme: 'light', tokens: light },
  { scheme: 'dark', tokens: dark },
])('design tokens, $scheme', ({ tokens }) => {
  it('defines every colour the pages and the sidebar use', () => {
    for (const name of [...TEXT, 'bg', 'tag-bg', 'border', 'focus', 'surface', 'primary-bg', 'primary-fg'])
      expect(tokens[name], name).toMatch(/^#/);
  });

  it.each(TEXT)('%s text reaches 4.5:1 on the background and on tag buttons', (name) => {
    const colour = tokens[name] as string;
    expect(contrast(colour, tokens.bg as string)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, tokens['tag-bg'] as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps primary buttons and the page frame readable', () => {
    expect(contrast(tokens['primary-fg'] as string, tokens['primary-bg'] as string)).toBeGreaterThanOrEqual(
      4.5,
    );
    // The options page sets its cards (bg) on the frame (surface): body text must read on both.
    for (const name of TEXT) {
      expect(contrast(tokens[name] as string, tokens.surface as string), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('shows the focus ring at 3:1 against both backgrounds', () => {
    expect(contrast(tokens.focus as string, tokens.bg as string)).toBeGreaterThanOrEqual(3);
    expect(contrast(tokens.focus as string, tokens['tag-bg'] as string)).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast arithmetic', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#0b57d0', '#0b57d0')).toBe(1);
  });
});
