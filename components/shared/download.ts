// JSON downloads from the extension's pages (options: configuration, policy file, queued captures;
// the delivery panel: dead letters), one way for all of them.

/** Saves a value as a pretty-printed JSON download (a temporary object URL, never inline HTML). */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the browser reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date for file names, e.g. earmark-config-2026-11-23.json. */
export function datedName(prefix: string): string {
  return `${prefix}-${new Date().toISOString().slice(0, 10)}.json`;
}
