// Plain DOM code for the eager launcher: no zod here, so the worker's reply is checked by hand
// (the 'side-panel-state' reply in lib/protocol/messages.ts is `{ open: boolean }`).

/**
 * Asks the worker whether the browser's side panel is open in this tab's window (then the panel is
 * Earmark's surface and the page shows no sidebar). Anything but a clear yes counts as closed.
 */
export async function askSidePanelOpen(send: (message: { type: 'side-panel-state' }) => Promise<unknown>) {
  try {
    const reply = (await send({ type: 'side-panel-state' })) as { ok?: unknown; value?: { open?: unknown } };
    return reply?.ok === true && reply.value?.open === true;
  } catch {
    return false; // no worker answer: the in-page sidebar, as before there was a side panel
  }
}
