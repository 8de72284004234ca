import { html } from 'hono/html';
import type { HubItem } from './store';

/** A small, auto-refreshing HTML view of the latest items (all text escaped by `html`). */
export function itemsPage(items: HubItem[]) {
  const rows = items.map(
    ({ item }) => html`<tr>
      <td>${new Date(item.capturedAt).toLocaleString('en-GB')}</td>
      <td>${item.tags.map((t) => t.label).join(', ')}${item.deleted ? ' (undone)' : ''}</td>
      <td>${item.source.site}${item.source.ticketId ? ` #${item.source.ticketId}` : ''}</td>
      <td>${item.agent.name}${item.agent.team ? ` (${item.agent.team})` : ''}</td>
      <td>${item.note ?? ''}</td>
      <td>${item.quote ?? ''}</td>
    </tr>`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="refresh" content="3" />
  <meta name="earmark" content="no-sidebar" />
  <title>Earmark hub</title>
  <style>
    body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1f2328; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
    th { font-size: 12px; text-transform: uppercase; color: #59636e; }
  </style>
</head>
<body>
  <main>
    <h1>Earmark hub</h1>
    <p>${items.length} latest captures received. JSON: <a href="/v1/items">/v1/items</a></p>
    <table>
      <thead><tr><th>Captured</th><th>Tags</th><th>Ticket</th><th>Agent</th><th>Note</th><th>Quote</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </main>
</body>
</html>`;
}
