// Zod-free, so the launcher (a capture from the painted sidebar) and the app read it alike.

/** Most characters of page selection kept as a quote (the capture message's limit). */
const MAX_QUOTE = 10_000;

/** Text the agent has selected on the page, trimmed and length-limited; null when none. */
export function readPageSelection(): string | null {
  const text = window.getSelection()?.toString().trim() ?? '';
  return text ? text.slice(0, MAX_QUOTE) : null;
}
