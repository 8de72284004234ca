import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import type { Item } from '../../lib/schema';
import type { createHubApp } from '../../server/app';

/** Two small families of paraphrased notes the themes engine groups apart (hub themes tests). */
export const EXPORT_NOTES = [
  'customer wants to export the report to CSV',
  'asks for a CSV export of the monthly report',
  'needs the report exported as a CSV file',
];
/** The second family: a refund that did not arrive after cancelling. */
export const REFUND_NOTES = [
  'refund still not received after cancelling',
  'customer waiting for refund after cancellation',
  'cancelled last week and the refund has not arrived',
];

/** POSTs items to a team's webhook, signed with its secret, as the extension would. */
export function postSigned(
  app: ReturnType<typeof createHubApp>,
  team: { team: { id: string }; secret: string },
  items: Item[],
): Promise<Response> {
  const id = `b-${Math.random()}`;
  const body = batchBody(id, items, Date.now());
  return Promise.resolve(
    app.request(`/v1/webhook/${team.team.id}`, {
      method: 'POST',
      body,
      headers: signBatch(team.secret, id, body, Date.now()),
    }),
  );
}
