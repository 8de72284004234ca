import type { TicketContext } from '../../lib/sites/adapters';

/** What the Zendesk adapter reads on ticket 1 of a bare page: no title. */
export const TICKET_CONTEXT: TicketContext = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  title: null,
  ticketId: '1',
};
